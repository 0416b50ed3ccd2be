namespace Controller.Brain.Manifests;

/// <summary>Axis order of an image tensor.</summary>
public enum ImageLayout
{
    /// <summary>[batch, channels, height, width] (PyTorch, LeRobot).</summary>
    Nchw,

    /// <summary>[batch, height, width, channels] (TensorFlow/JAX exports).</summary>
    Nhwc,
}
