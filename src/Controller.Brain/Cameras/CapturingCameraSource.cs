using Controller.Pipeline.Time;

namespace Controller.Brain.Cameras;

/// <summary>
/// The shared machinery of every source that captures on its own thread (V4L2, folders, videos): a capture thread
/// calls <see cref="CaptureNext"/> to fill the back buffer of a triple buffer and publishes it; <see cref="ReadLatest"/>
/// swaps in the newest published buffer and copies it out. Producer and reader never wait for each other and never
/// allocate after <see cref="Open"/>; a frame the producer replaces before it was read counts as dropped.
/// One reader thread calls <see cref="ReadLatest"/>; <see cref="Open"/>/<see cref="Close"/> are not meant to race it.
/// </summary>
public abstract class CapturingCameraSource : ICameraSource
{
    private const int FreshBit = 4;
    private readonly ManualResetEventSlim _stopSignal = new(false);
    private byte[][] _slots = [];
    private long[] _sequence = new long[3];
    private long[] _timestamp = new long[3];
    private long[] _sourceIndex = new long[3];
    private int _back;
    private int _middle;
    private int _front;
    private bool _hasFront;
    private long _lastReadSequence = -1;
    private Thread? _thread;
    private long _captured;
    private long _dropped;
    private long _failed;
    private volatile string? _lastError;
    private volatile bool _finished;
    private bool _disposed;

    /// <summary>A source called <paramref name="name"/>.</summary>
    protected CapturingCameraSource(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Width { get; private set; }

    /// <inheritdoc />
    public int Height { get; private set; }

    /// <summary>Bytes of one RGB8 frame.</summary>
    public int FrameBytes => Width * Height * 3;

    /// <inheritdoc />
    public bool IsOpen { get; private set; }

    /// <summary>True once a recording set to stop at its end has published its last frame (it stays readable).</summary>
    public bool IsFinished => _finished;

    /// <inheritdoc />
    public long FramesCaptured => Volatile.Read(ref _captured);

    /// <inheritdoc />
    public long FramesDropped => Volatile.Read(ref _dropped);

    /// <inheritdoc />
    public long FramesFailed => Volatile.Read(ref _failed);

    /// <inheritdoc />
    public string? LastError => _lastError;

    /// <summary>Stops the capture thread for the failure backoff after a failed frame (so a dead source does not spin).</summary>
    protected TimeSpan FailureBackoff { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <inheritdoc />
    public void Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsOpen) return;
        (int width, int height) = OpenCore();
        if (width < 1 || height < 1 || (long)width * height * 3 > int.MaxValue)
        {
            CloseCore();
            throw new CameraException($"Camera '{Name}': frame size {width}×{height} is not usable (1 to {int.MaxValue / 3} pixels).");
        }

        Width = width;
        Height = height;
        _slots = [new byte[FrameBytes], new byte[FrameBytes], new byte[FrameBytes]];
        _back = 0;
        _middle = 1;
        _front = 2;
        _hasFront = false;
        _lastReadSequence = -1;
        _captured = 0;
        _finished = false;
        _stopSignal.Reset();
        IsOpen = true;
        _thread = new Thread(CaptureLoop) { IsBackground = true, Name = $"camera {Name}" };
        _thread.Start();
    }

    /// <inheritdoc />
    public void Close()
    {
        if (!IsOpen) return;
        _stopSignal.Set();
        _thread?.Join();
        _thread = null;
        CloseCore();
        IsOpen = false;
    }

    /// <inheritdoc />
    public CameraReadStatus ReadLatest(Span<byte> rgb, out CameraFrameInfo info)
    {
        info = default;
        if (_slots.Length == 0) return CameraReadStatus.NotOpen;
        if (rgb.Length < FrameBytes) return CameraReadStatus.BufferTooSmall;
        if ((Volatile.Read(ref _middle) & FreshBit) != 0)
        {
            _front = Interlocked.Exchange(ref _middle, _front) & ~FreshBit;
            _hasFront = true;
        }

        if (!_hasFront) return CameraReadStatus.NoFrameYet;
        int f = _front;
        _slots[f].AsSpan(0, FrameBytes).CopyTo(rgb);
        info = new CameraFrameInfo(_sequence[f], _timestamp[f], _sourceIndex[f]);
        bool fresh = _sequence[f] != _lastReadSequence;
        _lastReadSequence = _sequence[f];
        return fresh ? CameraReadStatus.Fresh : CameraReadStatus.Repeated;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        Close();
        _disposed = true;
        _stopSignal.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens the device or file; returns the frame size every frame will have.</summary>
    /// <exception cref="CameraException">What cannot be opened and why.</exception>
    protected abstract (int Width, int Height) OpenCore();

    /// <summary>
    /// On the capture thread: waits for (or paces to) the next frame and writes it as RGB8 into <paramref name="rgb"/>
    /// (<see cref="FrameBytes"/> long). Throw <see cref="FrameDecodeException"/>, <see cref="IOException"/> or
    /// <see cref="CameraException"/> for a frame that failed (counted, then the next is tried).
    /// </summary>
    protected abstract CaptureResult CaptureNext(Span<byte> rgb, out long timestampNs, out long sourceIndex);

    /// <summary>Releases the device or file (after the capture thread stopped).</summary>
    protected abstract void CloseCore();

    /// <summary>Waits up to <paramref name="timeout"/> or until <see cref="Close"/>; true when closing.</summary>
    protected bool WaitForStop(TimeSpan timeout) => timeout <= TimeSpan.Zero ? _stopSignal.IsSet : _stopSignal.Wait(timeout);

    /// <summary>True once <see cref="Close"/> was asked for.</summary>
    protected bool Stopping => _stopSignal.IsSet;

    private void CaptureLoop()
    {
        while (!_stopSignal.IsSet)
        {
            CaptureResult result;
            long timestampNs, sourceIndex;
            try
            {
                result = CaptureNext(_slots[_back].AsSpan(0, FrameBytes), out timestampNs, out sourceIndex);
            }
            catch (Exception e) when (e is FrameDecodeException or IOException or CameraException or UnauthorizedAccessException)
            {
                Interlocked.Increment(ref _failed);
                _lastError = e.Message;
                WaitForStop(FailureBackoff);
                continue;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Not a documented failure (a codec's own error): still one lost frame, not a dead capture thread
                // taking the robot's process with it.
                Interlocked.Increment(ref _failed);
                _lastError = $"{e.GetType().Name}: {e.Message}";
                WaitForStop(FailureBackoff);
                continue;
            }

            switch (result)
            {
                case CaptureResult.Frame:
                    Publish(timestampNs == 0 ? MonotonicClock.Now() : timestampNs, sourceIndex);
                    break;
                case CaptureResult.End:
                    _finished = true;
                    return;
                case CaptureResult.None:
                    break;
            }
        }
    }

    private void Publish(long timestampNs, long sourceIndex)
    {
        int b = _back;
        _sequence[b] = _captured;
        _timestamp[b] = timestampNs;
        _sourceIndex[b] = sourceIndex;
        int previous = Interlocked.Exchange(ref _middle, b | FreshBit);
        if ((previous & FreshBit) != 0) Interlocked.Increment(ref _dropped);
        _back = previous & ~FreshBit;
        Interlocked.Increment(ref _captured);
    }
}
