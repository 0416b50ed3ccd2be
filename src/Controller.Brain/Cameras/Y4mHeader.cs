namespace Controller.Brain.Cameras;

/// <summary>The stream header of a YUV4MPEG2 (Y4M) file.</summary>
/// <param name="Width">Columns.</param>
/// <param name="Height">Rows.</param>
/// <param name="FrameRateNumerator">Frame rate numerator (<c>F30000:1001</c> → 30000), 0 when absent.</param>
/// <param name="FrameRateDenominator">Frame rate denominator, 0 when absent.</param>
/// <param name="ColorSpace">The <c>C</c> tag as written (<c>420jpeg</c> when absent).</param>
/// <param name="ChromaShiftX">log2 of the horizontal chroma subsampling (1 for 4:2:x, 0 for 4:4:4).</param>
/// <param name="ChromaShiftY">log2 of the vertical chroma subsampling (1 for 4:2:0).</param>
/// <param name="Monochrome">True for <c>Cmono</c> (a luma plane only).</param>
/// <param name="FullRange">True for <c>XCOLORRANGE=FULL</c> (JPEG range), false for limited (video) range.</param>
/// <param name="DataOffset">Byte offset of the first <c>FRAME</c> line.</param>
public sealed record Y4mHeader(int Width, int Height, int FrameRateNumerator, int FrameRateDenominator, string ColorSpace,
    int ChromaShiftX, int ChromaShiftY, bool Monochrome, bool FullRange, long DataOffset)
{
    /// <summary>Frames per second from the <c>F</c> tag, or null when absent or zero.</summary>
    public double? FramesPerSecond => FrameRateNumerator > 0 && FrameRateDenominator > 0 ? (double)FrameRateNumerator / FrameRateDenominator : null;

    /// <summary>Bytes of one chroma plane (0 for monochrome).</summary>
    public int ChromaPlaneBytes => Monochrome ? 0 : YuvConversion.ChromaSide(Width, ChromaShiftX) * YuvConversion.ChromaSide(Height, ChromaShiftY);

    /// <summary>Bytes of one frame's planes (Y, then Cb, then Cr).</summary>
    public int FrameBytes => Width * Height + 2 * ChromaPlaneBytes;
}
