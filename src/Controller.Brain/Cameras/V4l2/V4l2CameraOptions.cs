namespace Controller.Brain.Cameras.V4l2;

/// <summary>What to ask a V4L2 camera for. The driver may adjust the size to the nearest it supports.</summary>
public sealed record V4l2CameraOptions
{
    /// <summary>Requested columns.</summary>
    public int Width { get; init; } = 640;

    /// <summary>Requested rows.</summary>
    public int Height { get; init; } = 480;

    /// <summary>Requested pixel format.</summary>
    public V4l2PixelFormat PixelFormat { get; init; } = V4l2PixelFormat.Yuyv;

    /// <summary>Driver buffers to map (2..32): more absorb longer stalls of the capture thread.</summary>
    public int BufferCount { get; init; } = 4;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the value and the allowed range.</exception>
    public void Validate()
    {
        if (Width is < 2 or > 16384 || (Width & 1) != 0)
            throw new ArgumentOutOfRangeException(nameof(Width), Width, $"Width must be even and in [2, 16384]; it is {Width}.");
        if (Height is < 1 or > 16384)
            throw new ArgumentOutOfRangeException(nameof(Height), Height, $"Height must be in [1, 16384]; it is {Height}.");
        if (BufferCount is < 2 or > 32)
            throw new ArgumentOutOfRangeException(nameof(BufferCount), BufferCount, $"BufferCount must be in [2, 32]; it is {BufferCount}.");
    }
}
