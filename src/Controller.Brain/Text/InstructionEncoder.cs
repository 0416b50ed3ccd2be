namespace Controller.Brain.Text;

/// <summary>
/// Keeps the encoded ids and attention mask of the current instruction in preallocated buffers and
/// re-encodes only when the instruction text changes. A policy stepping with an unchanged instruction
/// therefore costs one span comparison and allocates nothing (tested over thousands of steps), even when
/// the tokenizer itself allocates. Use from one thread (the brain's, never the control loop's).
/// </summary>
public sealed class InstructionEncoder
{
    private readonly long[] _ids;
    private readonly long[] _mask;
    private char[] _last = new char[256];
    private int _lastLength = -1;

    /// <summary>Encodes with <paramref name="encoder"/> into <paramref name="maxLength"/> ids.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="maxLength"/> leaves no room for text after the special tokens.</exception>
    public InstructionEncoder(ITextEncoder encoder, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        if (maxLength <= encoder.SpecialTokenCount || maxLength > 1 << 20)
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"max_length must be in [{encoder.SpecialTokenCount + 1}, {1 << 20}] ({encoder.SpecialTokenCount} special tokens plus at least one token of text); it is {maxLength}.");
        Encoder = encoder;
        _ids = new long[maxLength];
        _mask = new long[maxLength];
        // Before any instruction: the encoding of the empty text, so the buffers are always a valid input.
        TokenCount = encoder.Encode(ReadOnlySpan<char>.Empty, _ids, _mask);
    }

    /// <summary>The tokenizer.</summary>
    public ITextEncoder Encoder { get; }

    /// <summary>Token ids of the current instruction, padded to max_length.</summary>
    public ReadOnlySpan<long> Ids => _ids;

    /// <summary>1 per real token, 0 per pad.</summary>
    public ReadOnlySpan<long> Mask => _mask;

    /// <summary>Real tokens in <see cref="Ids"/> (special tokens included).</summary>
    public int TokenCount { get; private set; }

    /// <summary>How many times the tokenizer actually ran (instruction changes).</summary>
    public long Encodings { get; private set; }

    /// <summary>Sets the instruction; returns true when it differed from the last one and was encoded again.</summary>
    public bool Update(ReadOnlySpan<char> instruction)
    {
        if (_lastLength >= 0 && instruction.SequenceEqual(_last.AsSpan(0, _lastLength))) return false;
        TokenCount = Encoder.Encode(instruction, _ids, _mask);
        if (instruction.Length > _last.Length) _last = new char[Math.Max(instruction.Length, 2 * _last.Length)];
        instruction.CopyTo(_last);
        _lastLength = instruction.Length;
        Encodings++;
        return true;
    }
}
