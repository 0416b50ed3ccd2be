using System.Diagnostics;
using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Can;
using Controller.Hardware.Simulation.Slcan;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Tests.Simulation.Can;

/// <summary>
/// Twins on a virtual bus behind an SLCAN adapter twin on the far end of a real pseudo-terminal, and the host's
/// <see cref="SlcanChannel"/> on the <c>/dev/pts/N</c> side opened as a serial port: the whole chain a USB-CAN adapter
/// gives. The bus, twins and plant are stepped on the test thread with a manual clock (<see cref="Tick"/> = 1 ms);
/// the pty hops run on real threads, so every tick first waits (bounded, real time) until all lines have crossed.
/// </summary>
internal sealed class SlcanPtyRig : IDisposable
{
    public const long PeriodNs = 1_000_000;

    /// <summary>The pty tests run one class at a time: each keeps three threads busy.</summary>
    public const string Collection = "slcan pty";

    public SlcanPtyRig(int joints, Action<CanTwinHost> addTwins, SlcanDialect dialect = SlcanDialect.Canable)
    {
        Plant = new IndependentJointPlant(joints, inertiaKgM2: 0.02, dampingNmsPerRad: 0.1);
        Host = new CanTwinHost(Plant, Clock, PeriodNs, Plant.Step);
        addTwins(Host);
        PortPath = Host.ExposeOverNewPseudoTerminal(dialect);
        Channel = SlcanChannel.OnSerialPort(PortPath, Clock, new SlcanOptions { Dialect = dialect });
        Channel.Open(1_000_000);
    }

    public ManualClock Clock { get; } = new(1_000_000_000);
    public IndependentJointPlant Plant { get; }
    public CanTwinHost Host { get; }
    public string PortPath { get; }
    public SlcanChannel Channel { get; }
    public SlcanAdapterTwin Adapter => Host.Adapters[0];
    public VirtualCanNode AdapterNode => Host.AdapterNodes[0];

    /// <summary>One millisecond of bus, twins and plant, with every line across the pty before and after.</summary>
    public void Tick()
    {
        Settle();
        Host.Tick();
        Settle();
        Clock.Advance(PeriodNs);
    }

    /// <summary>Waits (at most 5 s of real time) until the adapter has handled every line the host sent and the host has decoded every frame the adapter forwarded.</summary>
    public void Settle()
    {
        // Stopwatch.GetTimestamp, not a Stopwatch object: the allocation tests run this inside their measured cycles.
        long giveUp = Stopwatch.GetTimestamp() + 5 * Stopwatch.Frequency;
        var spin = new SpinWait();
        while (!Settled())
        {
            if (Stopwatch.GetTimestamp() > giveUp)
            {
                SettleTimeouts++;
                Console.Error.WriteLine($"settle timeout: lines {Adapter.FrameLinesFromHost}/{Channel.Counters.FramesSent} taken {Adapter.FramesTakenFromBus}/{AdapterNode.Counters.FramesReceived} to host {Adapter.FramesToHost}/{Channel.Counters.FramesReceived}+{Channel.Counters.ReceiveOverruns} malformed {Channel.Counters.MalformedInput}");
                return;
            }
            // Sleeps now and then: a pure spin starves the pty threads on a loaded two-core machine.
            spin.SpinOnce(sleep1Threshold: 10);
        }
    }

    /// <summary>Ticks whose lines did not all cross within the bound (a stuck or lossy chain; tests assert 0).</summary>
    public int SettleTimeouts { get; private set; }

    private bool Settled() =>
        Adapter.FrameLinesFromHost == Channel.Counters.FramesSent
        && Adapter.FramesTakenFromBus == AdapterNode.Counters.FramesReceived
        && Adapter.FramesToHost == Channel.Counters.FramesReceived + Channel.Counters.ReceiveOverruns;

    public void Dispose()
    {
        Channel.Dispose();
        Host.Dispose();
    }
}

/// <summary>The xUnit collection that keeps the pty test classes from running at the same time.</summary>
[CollectionDefinition(SlcanPtyRig.Collection)]
public sealed class SlcanPtyCollection;
