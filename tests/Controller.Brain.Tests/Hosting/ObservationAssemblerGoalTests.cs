using Controller.Brain.Demo;
using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Tests.Support;

namespace Controller.Brain.Tests.Hosting;

public sealed class ObservationAssemblerGoalTests : IDisposable
{
    private readonly ModelHost _host = ModelHost.Create(ManifestParser.Load(RepoPaths.Model(DemoModelGenerator.PolicyManifestFile)));

    public void Dispose() => _host.Dispose();

    [Fact]
    public void SetGoal_SevenValues_WritesThemAsFloats()
    {
        var obs = new ObservationAssembler(_host, 7);
        Assert.Equal(AssemblyStatus.Ok, obs.SetGoal([0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, 99]));
        Assert.Equal([0.1f, -0.2f, 0.3f, -0.4f, 0.5f, -0.6f, 0.7f], _host.Inputs["goal"].Floats.ToArray());
    }

    [Fact]
    public void SetGoal_TooFewOrNotFinite_LeavesTensorUnchanged()
    {
        var obs = new ObservationAssembler(_host, 7);
        obs.SetGoal([1, 1, 1, 1, 1, 1, 1]);
        Assert.Equal(AssemblyStatus.ShapeMismatch, obs.SetGoal([2, 2, 2]));
        Assert.Equal(AssemblyStatus.NotFinite, obs.SetGoal([2, 2, 2, double.NaN, 2, 2, 2]));
        Assert.All(_host.Inputs["goal"].Floats.ToArray(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void SetGoal_ModelWithoutGoal_UnknownFeature()
    {
        using var planner = ModelHost.Create(ManifestParser.Load(RepoPaths.Model(DemoModelGenerator.PlannerManifestFile)));
        Assert.Equal(AssemblyStatus.UnknownFeature, new ObservationAssembler(planner, 7).SetGoal([0, 0, 0, 0, 0, 0, 0]));
    }

    [Fact]
    public void SetGoal_Repeated_AllocatesNothing()
    {
        var obs = new ObservationAssembler(_host, 7);
        double[] goal = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
        obs.SetGoal(goal);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5000; i++) obs.SetGoal(goal);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
