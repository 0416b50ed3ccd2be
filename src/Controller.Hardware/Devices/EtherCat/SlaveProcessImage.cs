namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// One slave's place in the process image: where its outputs and inputs are (bit offsets from the image's first
/// byte; the master writes outputs and reads inputs there), and the SM and FMMU register values that put them there.
/// </summary>
/// <param name="StationAddress">Configured station address.</param>
/// <param name="OutputBitOffset">First output bit in the image (meaningless when <paramref name="OutputBits"/> is 0).</param>
/// <param name="OutputBits">Output bits (all output SMs, consecutive).</param>
/// <param name="InputBitOffset">First input bit in the image.</param>
/// <param name="InputBits">Input bits (all input SMs, consecutive).</param>
/// <param name="SyncManagers">Process-data SMs with their PDOs, as configured.</param>
/// <param name="Fmmus">FMMU register values, one per SM with data.</param>
public sealed record SlaveProcessImage(ushort StationAddress, int OutputBitOffset, int OutputBits, int InputBitOffset, int InputBits,
    IReadOnlyList<SyncManagerAssignment> SyncManagers, IReadOnlyList<FmmuSetting> Fmmus)
{
    /// <summary>Byte offset of the outputs in the image (outputs of slaves with 8 bits or more start on a byte).</summary>
    public int OutputByteOffset => OutputBitOffset / 8;

    /// <summary>Byte offset of the inputs in the image.</summary>
    public int InputByteOffset => InputBitOffset / 8;

    /// <summary>
    /// Bit offset in the image of object <paramref name="index"/>:<paramref name="subIndex"/> in this slave's outputs
    /// (<paramref name="output"/>) or inputs, or -1 when it is not mapped.
    /// </summary>
    public int BitOffsetOf(bool output, ushort index, byte subIndex)
    {
        int bit = output ? OutputBitOffset : InputBitOffset;
        foreach (var sm in SyncManagers)
        {
            if (sm.IsOutput != output)
                continue;
            foreach (var pdo in sm.Pdos)
            {
                int inPdo = pdo.BitOffsetOf(index, subIndex);
                if (inPdo >= 0)
                    return bit + inPdo;
                bit += pdo.BitLength;
            }
        }
        return -1;
    }
}
