namespace Controller.Brain.Manifests;

/// <summary>How a camera frame becomes an image tensor: layout, crop, resize, pixel scale.</summary>
/// <param name="Layout">Axis order of the tensor.</param>
/// <param name="Channels">Colour channels (1 or 3), from the tensor shape.</param>
/// <param name="Height">Tensor height: frames are resized (bilinear) to it after the crop.</param>
/// <param name="Width">Tensor width.</param>
/// <param name="Crop">Optional crop in source pixels.</param>
/// <param name="PixelScale">Multiplier from 8-bit pixels to the model's range (1/255 for LeRobot's [0, 1]).</param>
public sealed record ImageInput(ImageLayout Layout, int Channels, int Height, int Width, ImageCrop? Crop, float PixelScale);
