using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Tests.Plant;

namespace Controller.Cerebellum.Tests.Controllers;

/// <summary>Gravity compensation and inverse-dynamics feed-forward, closed around the Panda on the rigid-body plant.</summary>
public class ModelFeedForwardControllerTests
{
    private static readonly double[] Pose = [0.3, -0.4, 0.2, -1.8, 0.1, 1.2, 0.5];

    private static JointPdController SoftPd() =>
        new(Enumerable.Range(0, 7).Select(_ => new JointPdGains(40, 4)).ToArray());

    private static double HoldError(ICycleController controller, PlantRig rig)
    {
        rig.Place(Pose);
        controller.Activate(rig.Time, in rig.Measured);
        for (int i = 0; i < 2000; i++)
        {
            rig.Step(controller);
        }

        return Enumerable.Range(0, 7).Max(j => Math.Abs(rig.Plant.Positions[j] - Pose[j]));
    }

    [Fact]
    public void Gravity_WithSoftPd_HoldsThePoseWhereBarePdSags()
    {
        var model = PlantRig.PandaArm();
        double sag = HoldError(SoftPd(), new PlantRig(model));
        double held = HoldError(new ModelFeedForwardController(SoftPd(), model), new PlantRig(model));

        Assert.True(sag > 0.05, $"bare PD with stiffness 40 should sag visibly under gravity (sagged {sag} rad)");
        Assert.True(held < 1e-4, $"with gravity compensation the error is {held} rad");
    }

    [Fact]
    public void InverseDynamics_TrackingAFastSinusoid_BeatsGravityOnly()
    {
        var model = PlantRig.PandaArm();
        double Track(FeedForwardMode mode)
        {
            var pd = SoftPd();
            var controller = new ModelFeedForwardController(pd, model, mode);
            var rig = new PlantRig(model);
            rig.Place(Pose);
            controller.Activate(rig.Time, in rig.Measured);
            double worst = 0;
            for (int k = 0; k < 2000; k++)
            {
                double t = k * 1e-3;
                for (int j = 0; j < 7; j++)
                {
                    double w = 2 * Math.PI * 0.5;
                    // Starts at rest on the pose, so both runs begin without a transient.
                    pd.Reference.Position[j] = Pose[j] + 0.3 * (1 - Math.Cos(w * t));
                    pd.Reference.Velocity[j] = 0.3 * w * Math.Sin(w * t);
                }

                rig.Step(controller);
                if (k > 500)
                {
                    worst = Math.Max(worst, Enumerable.Range(0, 7).Max(j => Math.Abs(rig.Plant.Positions[j] - pd.Reference.Position[j])));
                }
            }

            return worst;
        }

        double gravityOnly = Track(FeedForwardMode.Gravity);
        double inverseDynamics = Track(FeedForwardMode.InverseDynamics);
        Assert.True(inverseDynamics < gravityOnly / 3, $"tracking error: inverse dynamics {inverseDynamics} rad, gravity only {gravityOnly} rad");
    }

    [Fact]
    public void Update_TenThousandCycles_AllocatesNothing()
    {
        var model = PlantRig.PandaArm();
        var rig = new PlantRig(model);
        rig.Place(Pose);
        var controller = new ModelFeedForwardController(SoftPd(), model, FeedForwardMode.InverseDynamics);
        controller.Activate(rig.Time, in rig.Measured);
        controller.Update(rig.Time, in rig.Measured, ref rig.Command);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            controller.Update(rig.Time, in rig.Measured, ref rig.Command);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
