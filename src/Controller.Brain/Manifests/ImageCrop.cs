namespace Controller.Brain.Manifests;

/// <summary>A crop rectangle in source pixels, applied before the resize to the tensor's height and width.</summary>
/// <param name="Top">First row kept.</param>
/// <param name="Left">First column kept.</param>
/// <param name="Height">Rows kept.</param>
/// <param name="Width">Columns kept.</param>
public sealed record ImageCrop(int Top, int Left, int Height, int Width);
