namespace Controller.Brain.Cameras.V4l2;

/// <summary>The capture formats asked of a V4L2 device.</summary>
public enum V4l2PixelFormat
{
    /// <summary>Packed 4:2:2 YUYV (<c>V4L2_PIX_FMT_YUYV</c>), what every UVC webcam offers uncompressed.</summary>
    Yuyv,

    /// <summary>Motion JPEG (<c>V4L2_PIX_FMT_MJPEG</c>), for sizes and rates USB 2 cannot carry uncompressed.</summary>
    Mjpeg,
}
