using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Controllers.Admittance;
using Controller.Cerebellum.Loop;
using Controller.Hardware.Devices.ForceTorque;
using Controller.Pipeline.Messages;
using Controller.Robotics.Spatial;

namespace Controller.Cerebellum.Tests.Controllers.Admittance;

/// <summary>Hand guiding the Panda on the rigid-body plant: admittance → joint impedance with gravity feed-forward.</summary>
public class CartesianAdmittanceControllerTests
{
    // The hand (0.81 kg, centre of mass 4 cm along its z) hangs below the sensor.
    private static readonly AdmittanceOptions Options = new() { ToolPayload = new ToolPayload(0.81, 0, 0, 0.04) };

    private static (GuidedPanda arm, CartesianAdmittanceController admittance, ICycleController chain) Build(AdmittanceOptions? options = null)
    {
        var arm = new GuidedPanda();
        var admittance = new CartesianAdmittanceController(arm.Model, GuidedPanda.Hand, arm, options ?? Options);
        var chain = GuidedPanda.Impedance(arm.Model, admittance);
        chain.Activate(arm.Rig.Time, in arm.Rig.Measured);
        return (arm, admittance, chain);
    }

    private static void Run(GuidedPanda arm, ICycleController chain, int cycles, Action<int>? each = null)
    {
        for (int i = 0; i < cycles; i++)
        {
            arm.Step(chain);
            each?.Invoke(i);
        }
    }

    [Fact]
    public void Update_PushAlongX_ArmYieldsInThePushDirection()
    {
        var (arm, _, chain) = Build();
        Run(arm, chain, 200);
        Vec3 start = arm.HandPosition();

        arm.PushN = new Vec3(15, 0, 0);
        Run(arm, chain, 600);
        Vec3 moved = arm.HandPosition() - start;

        Assert.True(moved.X > 0.05, $"hand moved {moved} m under a 15 N push along x");
        Assert.True(moved.X / moved.Norm > 0.95, $"motion {moved} is not along the push");
    }

    [Fact]
    public void Update_PushRemoved_MotionStopsAndTheArmStaysWhereItWasLeft()
    {
        var (arm, admittance, chain) = Build();
        arm.PushN = new Vec3(0, -12, 8);
        Run(arm, chain, 500);
        arm.PushN = Vec3.Zero;
        Run(arm, chain, 1000);
        Vec3 settled = arm.HandPosition();
        double speed = Math.Sqrt(admittance.CartesianVelocity[0] * admittance.CartesianVelocity[0]
            + admittance.CartesianVelocity[1] * admittance.CartesianVelocity[1] + admittance.CartesianVelocity[2] * admittance.CartesianVelocity[2]);

        Run(arm, chain, 500);
        double drift = (arm.HandPosition() - settled).Norm;

        Assert.True(speed < 1e-4, $"virtual speed {speed} m/s 1 s after the push ended");
        Assert.True(drift < 1e-3, $"hand drifted {drift} m after the push ended");
        Assert.True(admittance.CartesianOffset[1] < -0.03, $"offset {admittance.CartesianOffset[1]} m along y: the push should have moved it");
    }

    [Fact]
    public void Update_NoPush_ToolWeightIsCompensatedAndTheArmStays()
    {
        var (arm, _, chain) = Build();
        Vec3 start = arm.HandPosition();
        Run(arm, chain, 1500);
        double held = (arm.HandPosition() - start).Norm;

        var (bare, _, bareChain) = Build(Options with { ToolPayload = null });
        Vec3 bareStart = bare.HandPosition();
        Run(bare, bareChain, 1500);
        double sank = bareStart.Z - bare.HandPosition().Z;

        Assert.True(held < 2e-3, $"hand moved {held} m with nobody pushing");
        Assert.True(sank > 0.02, $"without the tool payload the hand's own weight (8 N) should pull it down; it sank {sank} m");
    }

    [Fact]
    public void Update_HugeSensorForce_VirtualAndJointSpeedsStayCapped()
    {
        var (arm, admittance, chain) = Build();
        arm.SensorOnlyN = new Vec3(-900, 400, 700);
        double worstCartesian = 0, worstJoint = 0;
        Run(arm, chain, 800, _ =>
        {
            var v = admittance.CartesianVelocity;
            worstCartesian = Math.Max(worstCartesian, Math.Sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]));
            for (int j = 0; j < 7; j++) worstJoint = Math.Max(worstJoint, Math.Abs(arm.Rig.Command.Velocity[j]));
        });

        Assert.True(worstCartesian <= Options.MaxLinearSpeedMps + 1e-12, $"virtual speed reached {worstCartesian} m/s");
        Assert.True(worstJoint <= Options.MaxJointSpeedRadPerSec + 1e-9, $"commanded joint speed reached {worstJoint} rad/s");
    }

    [Fact]
    public void Update_SensorLost_ForceTakenAsZeroAndCounted()
    {
        var (arm, admittance, chain) = Build();
        arm.SensorOnlyN = new Vec3(30, 0, 0);
        arm.SensorAlive = false;
        Vec3 start = arm.HandPosition();
        Run(arm, chain, 300);

        Assert.Equal(300, admittance.MissingWrenchCycles);
        Assert.True((arm.HandPosition() - start).Norm < 2e-3);
    }

    [Fact]
    public void Update_WithInnerReference_AddsTheOffsetOnTopOfIt()
    {
        var arm = new GuidedPanda();
        var inner = new SweepReference(GuidedPanda.Pose);
        // The plant has not stepped, so its sensor reads zero: no tool weight to remove.
        var admittance = new CartesianAdmittanceController(arm.Model, GuidedPanda.Hand, arm, Options with { ToolPayload = null }, inner);
        var time = arm.Rig.Time;
        admittance.Activate(time, in arm.Rig.Measured);
        var command = default(JointCommand);
        admittance.Update(time, in arm.Rig.Measured, ref command);
        // Nobody pushes: the reference passes through.
        for (int j = 0; j < 7; j++) Assert.Equal(inner.Last[j], command.Position[j], 9);

        arm.SensorOnlyN = new Vec3(0, 0, 40);
        for (int k = 1; k < 50; k++) admittance.Update(time with { Cycle = k, NowNs = k * 1_000_000 }, in arm.Rig.Measured, ref command);
        for (int j = 0; j < 7; j++) Assert.Equal(inner.Last[j] + admittance.JointOffset[j], command.Position[j], 12);
        Assert.Contains(admittance.JointOffset.ToArray(), d => Math.Abs(d) > 1e-4);
    }

    [Fact]
    public void Update_FiveThousandCyclesWithAForce_AllocatesNothing()
    {
        var (arm, _, chain) = Build();
        arm.SensorOnlyN = new Vec3(10, 5, -3);
        var rig = arm.Rig;
        chain.Update(rig.Time, in rig.Measured, ref rig.Command);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5000; i++)
        {
            chain.Update(rig.Time with { Cycle = i }, in rig.Measured, ref rig.Command);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("MassKg")]
    [InlineData("DampingNsPerM")]
    [InlineData("MaxForceN")]
    [InlineData("JacobianDamping")]
    public void Constructor_BadOption_ThrowsNamingIt(string option)
    {
        var arm = new GuidedPanda();
        var bad = option switch
        {
            "MassKg" => Options with { MassKg = 0 },
            "DampingNsPerM" => Options with { DampingNsPerM = double.NaN },
            "MaxForceN" => Options with { MaxForceN = 1 },
            _ => Options with { JacobianDamping = -1 },
        };
        var e = Assert.Throws<ArgumentException>(() => new CartesianAdmittanceController(arm.Model, GuidedPanda.Hand, arm, bad));
        Assert.Contains(option, e.Message);
    }

    [Fact]
    public void Constructor_UnknownSensorFrame_ThrowsNamingIt()
    {
        var arm = new GuidedPanda();
        var e = Assert.Throws<ArgumentException>(() => new CartesianAdmittanceController(arm.Model, "wrist_ft", arm));
        Assert.Contains("wrist_ft", e.Message);
    }

    /// <summary>A moving position reference (joint 0 sweeps slowly).</summary>
    private sealed class SweepReference(double[] pose) : ICycleController
    {
        public double[] Last { get; } = (double[])pose.Clone();
        public string Name => "sweep";
        public void Activate(in CycleTime time, in JointState measured) { }

        public void Update(in CycleTime time, in JointState measured, ref JointCommand command)
        {
            command.Mode = ControlMode.Position;
            command.JointCount = pose.Length;
            Last[0] = pose[0] + 0.1 * Math.Sin(time.NowNs * 1e-9);
            for (int j = 0; j < pose.Length; j++)
            {
                command.Position[j] = Last[j];
                command.Velocity[j] = 0;
            }
        }
    }
}
