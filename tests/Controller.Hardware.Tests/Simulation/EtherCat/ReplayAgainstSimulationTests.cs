using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Hardware.Tests.Protocols.EtherCat;

namespace Controller.Hardware.Tests.Simulation.EtherCat;

/// <summary>
/// The real master's requests from a capture, fed through simulated slaves built from the same terminals'
/// EEPROM dumps: the simulated replies must carry the working counters (and auto-increment addresses) the
/// real slaves returned.
/// </summary>
public class ReplayAgainstSimulationTests
{
    public sealed record Mismatch(int Frame, EtherCatCommand Command, ushort Ado, ushort Expected, ushort Got);

    internal static List<Mismatch> Replay(string capture, SimulatedSegment segment, out int compared)
    {
        var mismatches = new List<Mismatch>();
        compared = 0;
        byte[]? pending = null;
        foreach (var packet in EtherCatTestData.Packets(capture))
        {
            var frame = packet.Data.ToArray();
            if (!EtherCatTestData.IsEtherCat(frame))
                continue;
            if ((frame[6] & 0x02) == 0)
            {
                pending = frame;
                segment.Process(pending);
                continue;
            }
            if (pending is null)
                continue;
            EtherCatFrameReader.TryCreate(frame, out var real);
            EtherCatFrameReader.TryCreate(pending, out var simulated);
            while (real.TryReadNext(out var r) && simulated.TryReadNext(out var s))
            {
                compared++;
                if (r.WorkingCounter != s.WorkingCounter || r.Adp != s.Adp)
                    mismatches.Add(new Mismatch(packet.Number, r.Command, r.Ado, r.WorkingCounter, s.WorkingCounter));
            }
            pending = null;
        }
        return mismatches;
    }

    [Fact]
    public void Replay_Ek1100El2828El2889BringUp_SimulatedWorkingCountersMatchRealSlaves()
    {
        var segment = new SimulatedSegment([
            new SimulatedSlave(SimulatedBench.Dump("ek1100.hex"), capabilities: EscCapabilities.Et1100),
            new SimulatedSlave(SimulatedBench.Dump("el2828.hex"), capabilities: EscCapabilities.Et1200 with { DistributedClocks = false }),
            new SimulatedSlave(SimulatedBench.Dump("el2889.hex"), capabilities: EscCapabilities.Et1200)]);
        var mismatches = Replay("replay-ek1100-el2828-el2889", segment, out int compared);
        Assert.True(compared > 2000, $"compared {compared}");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.GroupBy(m => (m.Command, m.Ado, m.Expected, m.Got)).Select(g => $"{g.Key} x{g.Count()} first {g.First().Frame}")));
    }

    [Fact]
    public void Replay_DistributedClocksCapture_SimulatedWorkingCountersMatchRealSlaves()
    {
        var segment = new SimulatedSegment([
            new SimulatedSlave(SimulatedBench.Dump("ek1100.hex"), capabilities: EscCapabilities.Et1100),
            new SimulatedSlave(SimulatedBench.Dump("el2828.hex"), capabilities: EscCapabilities.Et1200 with { DistributedClocks = false }),
            new SimulatedSlave(SimulatedBench.Dump("el2889.hex"), capabilities: EscCapabilities.Et1200)]);
        var mismatches = Replay("replay-dc", segment, out int compared);
        Assert.True(compared > 2000, $"compared {compared}");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.GroupBy(m => (m.Command, m.Ado, m.Expected, m.Got)).Select(g => $"{g.Key} x{g.Count()} first {g.First().Frame}")));
    }
}
