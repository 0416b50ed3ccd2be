using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Tests.Controllers;

public class ControllerSlotTests
{
    private static CycleTime Cycle(long n) => new(n, 1_000_000 * (n + 1), 1_000_000 * (n + 1), 1_000_000, 1_000_000);

    [Fact]
    public void Update_NoController_CommandsHold()
    {
        var slot = new ControllerSlot();
        var command = new JointCommand { Mode = ControlMode.Effort };
        var measured = new JointState { JointCount = 3 };

        slot.Update(Cycle(0), measured, ref command);

        Assert.Equal(ControlMode.Hold, command.Mode);
        Assert.Equal(3, command.JointCount);
        Assert.Null(slot.Active);
    }

    [Fact]
    public void Prepare_BetweenCycles_CommitsAtNextCycleBoundaryActivatedFromThatCyclesState()
    {
        var first = new RecordingController("first");
        var second = new RecordingController("second");
        var slot = new ControllerSlot(first);
        var command = default(JointCommand);
        var measured = new JointState { JointCount = 1 };

        slot.Update(Cycle(0), measured, ref command);
        slot.Update(Cycle(1), measured, ref command);
        Assert.Null(slot.Prepare(second));
        Assert.Same(first, slot.Active);
        slot.Update(Cycle(2), measured, ref command);

        Assert.Same(second, slot.Active);
        Assert.Equal([0L], first.Activations);
        Assert.Equal([0L, 1L], first.Updates);
        Assert.Equal([2L], second.Activations);
        Assert.Equal([2L], second.Updates);
        Assert.Equal(2, slot.Switches);
        Assert.Same(first, slot.TakeRetired());
        Assert.Null(slot.TakeRetired());
    }

    [Fact]
    public void Prepare_TwiceBeforeCommit_ReturnsTheControllerThatWillNeverRun()
    {
        var a = new RecordingController("a");
        var b = new RecordingController("b");
        var slot = new ControllerSlot();

        Assert.Null(slot.Prepare(a));
        Assert.Same(a, slot.Prepare(b));
    }

    [Fact]
    public void Update_HundredThousandCyclesWithSwitches_AllocatesNothingOnTheLoopThread()
    {
        var controllers = Enumerable.Range(0, 100).Select(i => new JointPdController([new JointPdGains(10, 1)], $"pd{i}")).ToArray();
        var slot = new ControllerSlot(controllers[0]);
        var command = default(JointCommand);
        var measured = new JointState { JointCount = 1 };
        slot.Update(Cycle(0), measured, ref command);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (long n = 1; n <= 100_000; n++)
        {
            if (n % 1000 == 0) slot.Prepare(controllers[n / 1000 % controllers.Length]);
            slot.Update(Cycle(n), measured, ref command);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(101, slot.Switches);
    }

    [Fact]
    public void Prepare_FromAnotherThreadWhileLoopRuns_EverySwitchLandsOnACycleBoundary()
    {
        var controllers = Enumerable.Range(0, 50).Select(i => new RecordingController($"c{i}")).ToArray();
        var slot = new ControllerSlot(controllers[0]);
        var measured = new JointState { JointCount = 1 };
        var preparer = new Thread(() =>
        {
            for (int i = 1; i < controllers.Length; i++)
            {
                slot.Prepare(controllers[i]);
                Thread.Sleep(1);
            }
        });
        var command = default(JointCommand);
        preparer.Start();
        long n = 0;
        while (preparer.IsAlive || n < 10) slot.Update(Cycle(n++), measured, ref command);
        slot.Update(Cycle(n++), measured, ref command);
        preparer.Join();

        Assert.Same(controllers[^1], slot.Active);
        foreach (var c in controllers.Where(c => c.Activations.Count > 0))
        {
            // Activated once, in the same cycle as its first update, and updated in consecutive cycles after.
            Assert.Single(c.Activations);
            Assert.Equal(c.Activations[0], c.Updates[0]);
            Assert.Equal(Enumerable.Range(0, c.Updates.Count).Select(k => c.Updates[0] + k), c.Updates);
        }
    }

    private sealed class RecordingController(string name) : ICycleController
    {
        public List<long> Activations { get; } = [];
        public List<long> Updates { get; } = [];
        public string Name => name;
        public void Activate(in CycleTime time, in JointState measured) => Activations.Add(time.Cycle);
        public void Update(in CycleTime time, in JointState measured, ref JointCommand command) => Updates.Add(time.Cycle);
    }
}
