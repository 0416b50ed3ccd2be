using System.Text;
using Controller.Brain.Perception;

namespace Controller.Runtime.Brain;

/// <summary>
/// What the runtime publishes for an out-of-process brain besides the joints: the instruction and the scene's object
/// boxes (names and corners, m). The brain renders its own camera image from the boxes, which costs less than
/// shipping 12 KiB frames per call. Fixed size, unmanaged, so it lives in a shared <c>LatestValue</c>.
/// </summary>
public unsafe struct SharedBrainScene
{
    /// <summary>Most boxes one message holds (more are left out, counted in <see cref="DroppedBoxes"/>).</summary>
    public const int MaxBoxes = 16;

    /// <summary>Longest box name in UTF-8 bytes (longer names are cut).</summary>
    public const int MaxNameBytes = 32;

    /// <summary>Longest instruction in UTF-8 bytes (longer ones are cut).</summary>
    public const int MaxInstructionBytes = 256;

    private fixed byte _instruction[MaxInstructionBytes];
    private fixed byte _names[MaxBoxes * MaxNameBytes];
    private fixed double _corners[MaxBoxes * 6];
    private int _instructionBytes;
    private fixed byte _nameBytes[MaxBoxes];

    /// <summary>Boxes held.</summary>
    public int BoxCount;

    /// <summary>Boxes the scene had beyond <see cref="MaxBoxes"/>.</summary>
    public int DroppedBoxes;

    /// <summary>The instruction (UTF-8, cut at <see cref="MaxInstructionBytes"/> on a character boundary).</summary>
    public string Instruction
    {
        readonly get
        {
            // The length comes from another process's memory: never read past the buffer whatever it says.
            fixed (byte* p = _instruction) return Encoding.UTF8.GetString(p, Math.Clamp(_instructionBytes, 0, MaxInstructionBytes));
        }
        set => _instructionBytes = Put(value, ref _instruction[0], MaxInstructionBytes);
    }

    /// <summary>Appends a box (name, min and max corners in m); false when full (counted).</summary>
    public bool TryAdd(string name, ReadOnlySpan<double> min, ReadOnlySpan<double> max)
    {
        if (BoxCount >= MaxBoxes)
        {
            DroppedBoxes++;
            return false;
        }

        int i = BoxCount++;
        _nameBytes[i] = (byte)Put(name, ref _names[i * MaxNameBytes], MaxNameBytes);
        for (int k = 0; k < 3; k++)
        {
            _corners[i * 6 + k] = min[k];
            _corners[i * 6 + 3 + k] = max[k];
        }

        return true;
    }

    /// <summary>
    /// Appends the boxes as <see cref="SceneBox.Named"/> boxes (off the loop: this allocates). A box whose corners are
    /// not finite or not ordered (a corrupt message) is left out; returns how many were left out.
    /// </summary>
    public readonly int AddBoxesTo(List<SceneBox> boxes)
    {
        int skipped = 0;
        for (int i = 0; i < Math.Min(BoxCount, MaxBoxes); i++)
        {
            if (!IsBox(i))
            {
                skipped++;
                continue;
            }

            string name;
            fixed (byte* p = _names) name = Encoding.UTF8.GetString(p + i * MaxNameBytes, Math.Min((int)_nameBytes[i], MaxNameBytes));
            double[] min = [_corners[i * 6], _corners[i * 6 + 1], _corners[i * 6 + 2]];
            double[] max = [_corners[i * 6 + 3], _corners[i * 6 + 4], _corners[i * 6 + 5]];
            boxes.Add(SceneBox.Named(name, min, max));
        }

        return skipped;
    }

    private readonly bool IsBox(int i)
    {
        for (int k = 0; k < 3; k++)
        {
            double lo = _corners[i * 6 + k], hi = _corners[i * 6 + 3 + k];
            if (!double.IsFinite(lo) || !double.IsFinite(hi) || lo > hi) return false;
        }

        return true;
    }

    private static int Put(string text, ref byte destination, int capacity)
    {
        var span = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref destination, capacity);
        // Cut on a character boundary so the reader never sees half a UTF-8 sequence.
        Encoder encoder = Encoding.UTF8.GetEncoder();
        encoder.Convert(text.AsSpan(), span, flush: true, out _, out int written, out _);
        return written;
    }
}
