using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Sii;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// The logical process image of a group of slaves, as one LRW reads and writes it: every slave's outputs first
/// (in wiring order), then every slave's inputs. A slave with fewer than 8 bits shares a byte with its neighbour
/// when they fit (two EL2004s take bits 0..3 and 4..7 of one byte, as SOEM's slaveinfo listing shows); larger
/// blocks start on a byte. One FMMU per process-data SM, bit-exact.
/// </summary>
public sealed class ProcessImageLayout
{
    private ProcessImageLayout(uint logicalStart, IReadOnlyList<SlaveProcessImage> slaves, int outputBytes, int imageBytes, int outputSlaves, int inputSlaves)
    {
        LogicalStart = logicalStart;
        Slaves = slaves;
        OutputBytes = outputBytes;
        ImageBytes = imageBytes;
        OutputSlaves = outputSlaves;
        InputSlaves = inputSlaves;
    }

    /// <summary>Logical address of the image's first byte.</summary>
    public uint LogicalStart { get; }

    /// <summary>Every slave of the group in wiring order (also those without process data).</summary>
    public IReadOnlyList<SlaveProcessImage> Slaves { get; }

    /// <summary>Bytes of the output area (image bytes 0..OutputBytes-1).</summary>
    public int OutputBytes { get; }

    /// <summary>Bytes of the whole image (at least 1: an LRW needs data).</summary>
    public int ImageBytes { get; }

    /// <summary>Bytes of the input area (after the outputs).</summary>
    public int InputBytes => ImageBytes - OutputBytes;

    /// <summary>Slaves with outputs.</summary>
    public int OutputSlaves { get; }

    /// <summary>Slaves with inputs.</summary>
    public int InputSlaves { get; }

    /// <summary>The LRW working counter when every slave did its part: 2 per output slave, 1 per input slave.</summary>
    public ushort ExpectedWorkingCounter => EtherCatCommandInfo.ExpectedLogicalReadWriteCounter(OutputSlaves, InputSlaves);

    /// <summary>Plans the image of <paramref name="slaves"/> starting at logical address <paramref name="logicalStart"/>.</summary>
    /// <exception cref="ArgumentException">A slave needs more FMMUs than its SII offers, or an SM would exceed 65535 bytes.</exception>
    public static ProcessImageLayout Plan(IReadOnlyList<SlaveProcessData> slaves, uint logicalStart = 0)
    {
        ArgumentNullException.ThrowIfNull(slaves);
        var outputAt = new int[slaves.Count];
        var inputAt = new int[slaves.Count];
        int cursor = 0;
        for (int i = 0; i < slaves.Count; i++)
            outputAt[i] = Place(ref cursor, Bits(slaves[i], output: true));
        cursor = Align(cursor);
        int outputBytes = cursor / 8;
        for (int i = 0; i < slaves.Count; i++)
            inputAt[i] = Place(ref cursor, Bits(slaves[i], output: false));
        int imageBytes = Math.Max(1, Align(cursor) / 8);

        var images = new SlaveProcessImage[slaves.Count];
        int outputSlaves = 0, inputSlaves = 0;
        for (int i = 0; i < slaves.Count; i++)
        {
            var s = slaves[i];
            int outBits = Bits(s, output: true), inBits = Bits(s, output: false);
            if (outBits > 0) outputSlaves++;
            if (inBits > 0) inputSlaves++;
            var fmmus = new List<FmmuSetting>();
            var taken = new bool[Math.Max(16, s.FmmuUsages.Count)];
            int outBit = outputAt[i], inBit = inputAt[i];
            foreach (var sm in s.SyncManagers)
            {
                int bits = sm.BitLength;
                if (bits == 0)
                    continue;
                if (sm.LengthBytes > ushort.MaxValue)
                    throw new ArgumentException($"slave 0x{s.StationAddress:X4}: SM{sm.SyncManager} would carry {bits} bits", nameof(slaves));
                ref int at = ref sm.IsOutput ? ref outBit : ref inBit;
                int fmmu = PickFmmu(s, sm.IsOutput, taken);
                int last = at + bits - 1;
                fmmus.Add(new FmmuSetting(fmmu, logicalStart + (uint)(at / 8), (ushort)(last / 8 - at / 8 + 1), (byte)(at % 8), (byte)(last % 8),
                    sm.StartAddress, 0, sm.IsOutput));
                at += bits;
            }
            images[i] = new SlaveProcessImage(s.StationAddress, outputAt[i], outBits, inputAt[i], inBits, s.SyncManagers, fmmus);
        }
        return new ProcessImageLayout(logicalStart, images, outputBytes, imageBytes, outputSlaves, inputSlaves);
    }

    private static int Bits(SlaveProcessData slave, bool output)
    {
        int bits = 0;
        foreach (var sm in slave.SyncManagers)
            if (sm.IsOutput == output)
                bits += sm.BitLength;
        return bits;
    }

    private static int Align(int bit) => (bit + 7) & ~7;

    /// <summary>Small blocks share the current byte when they fit in it; others start on the next byte.</summary>
    private static int Place(ref int cursor, int bits)
    {
        if (bits == 0)
            return cursor;
        if (!(bits < 8 && cursor % 8 + bits <= 8))
            cursor = Align(cursor);
        int at = cursor;
        cursor += bits;
        return at;
    }

    private static int PickFmmu(SlaveProcessData slave, bool output, bool[] taken)
    {
        var wanted = output ? SiiFmmuUsage.Outputs : SiiFmmuUsage.Inputs;
        for (int n = 0; n < slave.FmmuUsages.Count; n++)
        {
            if (!taken[n] && slave.FmmuUsages[n] == wanted)
                return Take(taken, n);
        }
        // No (more) FMMUs declared for this direction: take the next one the SII does not reserve for something else.
        for (int n = 0; n < taken.Length; n++)
        {
            var usage = n < slave.FmmuUsages.Count ? slave.FmmuUsages[n] : SiiFmmuUsage.NotUsed;
            if (!taken[n] && usage is SiiFmmuUsage.NotUsed or SiiFmmuUsage.Unused)
                return Take(taken, n);
        }
        throw new ArgumentException($"slave 0x{slave.StationAddress:X4} has no free FMMU for its {(output ? "outputs" : "inputs")}", nameof(slave));
    }

    private static int Take(bool[] taken, int n)
    {
        taken[n] = true;
        return n;
    }
}
