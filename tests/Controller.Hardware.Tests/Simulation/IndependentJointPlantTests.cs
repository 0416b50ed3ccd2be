using Controller.Hardware.Simulation;

namespace Controller.Hardware.Tests.Simulation;

public class IndependentJointPlantTests
{
    [Fact]
    public void Step_ConstantTorqueNoDamping_AcceleratesAsTorqueOverInertia()
    {
        var plant = new IndependentJointPlant(2, inertiaKgM2: 0.5, dampingNmsPerRad: 0, lowerStopRad: -100, upperStopRad: 100);
        plant.SetActuatorTorqueNm(1, 1.0);
        for (int i = 0; i < 1000; i++)
        {
            plant.Step(0.001);
        }

        Assert.Equal(2.0, plant.GetVelocityRadPerSec(1), 9);
        Assert.Equal(1.0, plant.GetPositionRad(1), 2);
        Assert.Equal(0.0, plant.GetPositionRad(0));
    }

    [Fact]
    public void Step_DrivenIntoStop_StopsThereAtRest()
    {
        var plant = new IndependentJointPlant(1, lowerStopRad: -0.1, upperStopRad: 0.1);
        plant.SetActuatorTorqueNm(0, 5.0);
        for (int i = 0; i < 2000; i++)
        {
            plant.Step(0.001);
        }

        Assert.Equal(0.1, plant.GetPositionRad(0));
        Assert.Equal(0.0, plant.GetVelocityRadPerSec(0));
    }

    [Fact]
    public void Constructor_UpperNotAboveLower_ThrowsNamingTheStop()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new IndependentJointPlant(1, lowerStopRad: 1, upperStopRad: 1));
        Assert.Contains("upper stop", e.Message);
    }

    [Fact]
    public void SetSensorWrench_ThenGet_ReturnsIt()
    {
        var plant = new IndependentJointPlant(0, sensorCount: 1);
        var wrench = new SensorWrench(1, 2, 3, 0.1, 0.2, 0.3);
        plant.SetSensorWrench(0, wrench);
        Assert.Equal(wrench, plant.GetSensorWrench(0));
    }
}
