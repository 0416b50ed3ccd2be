namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// The only way to write a group's process-data outputs. <see cref="EtherCatGroup.ToOp"/> creates it when every
/// slave has reached OP, and it dies for good when the group leaves OP (fault, <see cref="EtherCatGroup.Recover"/>,
/// <see cref="EtherCatGroup.ToSafeOp"/>, stop): from then on <see cref="Outputs"/> is empty and a write lands nowhere.
/// A later OP hands out a new writer. Loop thread only.
/// </summary>
public sealed class ProcessDataWriter
{
    private readonly EtherCatGroup _group;
    private readonly long _generation;

    internal ProcessDataWriter(EtherCatGroup group, long generation)
    {
        _group = group;
        _generation = generation;
    }

    /// <summary>The group written to.</summary>
    public EtherCatGroup Group => _group;

    /// <summary>True while the group is still in the OP that created this writer.</summary>
    public bool IsValid => _group.IsCurrent(_generation);

    /// <summary>
    /// The output area of the process image (bytes 0..<see cref="ProcessImageLayout.OutputBytes"/>-1; offsets from
    /// <see cref="SlaveProcessImage"/>), sent by the next <see cref="EtherCatGroup.Exchange"/>. Empty once the writer is dead.
    /// </summary>
    public Span<byte> Outputs => IsValid ? _group.OutputArea : [];
}
