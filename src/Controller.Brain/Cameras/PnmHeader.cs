namespace Controller.Brain.Cameras;

/// <summary>The header of a binary PPM (P6, RGB) or PGM (P5, gray) image.</summary>
/// <param name="Width">Columns.</param>
/// <param name="Height">Rows.</param>
/// <param name="Channels">3 for P6, 1 for P5.</param>
/// <param name="MaxValue">Largest sample value (1..65535; above 255 a sample takes two bytes, most significant first).</param>
/// <param name="DataOffset">Byte offset of the raster.</param>
public readonly record struct PnmHeader(int Width, int Height, int Channels, int MaxValue, int DataOffset)
{
    /// <summary>Bytes per sample: 1, or 2 when <see cref="MaxValue"/> exceeds 255.</summary>
    public int BytesPerSample => MaxValue > 255 ? 2 : 1;

    /// <summary>Bytes of the raster.</summary>
    public long RasterBytes => (long)Width * Height * Channels * BytesPerSample;
}
