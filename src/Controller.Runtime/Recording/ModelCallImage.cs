namespace Controller.Runtime.Recording;

/// <summary>One camera image a model was given, as recorded.</summary>
/// <param name="Feature">The manifest feature it fed (e.g. <c>observation.images.top</c>): also its LeRobot column name.</param>
/// <param name="Width">Pixels per row.</param>
/// <param name="Height">Rows.</param>
/// <param name="Channels">Colour channels of the source frame (3: RGB).</param>
/// <param name="Encoding"><see cref="PngEncoding"/> (a whole PNG file) or <see cref="RawEncoding"/> (row-major interleaved 8-bit samples).</param>
/// <param name="Data">The encoded bytes.</param>
public sealed record ModelCallImage(string Feature, int Width, int Height, int Channels, string Encoding, byte[] Data)
{
    /// <summary>The value of <see cref="Encoding"/> for a PNG file (what the recorder writes).</summary>
    public const string PngEncoding = "png";

    /// <summary>The value of <see cref="Encoding"/> for raw interleaved 8-bit samples (<c>Width × Height × Channels</c> bytes).</summary>
    public const string RawEncoding = "raw";
}
