namespace Controller.Brain.Onnx;

/// <summary>One dimension of a graph input or output: a fixed size, or a symbolic name such as "batch".</summary>
public readonly record struct OnnxDimension
{
    /// <summary>A fixed size.</summary>
    public OnnxDimension(long size)
    {
        if (size < 0) throw new ArgumentOutOfRangeException(nameof(size), size, $"A dimension must be >= 0; it is {size}.");
        Size = size;
        Symbol = null;
    }

    /// <summary>A symbolic (free) dimension.</summary>
    public OnnxDimension(string symbol)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        Size = -1;
        Symbol = symbol;
    }

    /// <summary>The fixed size, or -1 when symbolic.</summary>
    public long Size { get; }

    /// <summary>The symbol, or null when fixed.</summary>
    public string? Symbol { get; }

    /// <summary>Converts a fixed size.</summary>
    public static implicit operator OnnxDimension(long size) => new(size);

    /// <summary>Converts a symbol.</summary>
    public static implicit operator OnnxDimension(string symbol) => new(symbol);

    /// <inheritdoc/>
    public override string ToString() => Symbol ?? Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
