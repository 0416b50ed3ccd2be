using Controller.Pipeline.Time;

namespace Controller.Brain.Cameras;

/// <summary>
/// A recording played as a camera: frame k is published at open + k / fps (a decoder that falls more than a frame
/// behind restarts the schedule from now instead of bursting), then the recording loops or stops at its end.
/// </summary>
public abstract class RecordingCameraSource : CapturingCameraSource
{
    private long _startNs;
    private long _next;
    private long _periodNs;

    /// <summary>A recording called <paramref name="name"/> played with <paramref name="playback"/>.</summary>
    protected RecordingCameraSource(string name, PlaybackOptions? playback) : base(name)
    {
        Playback = playback ?? new PlaybackOptions();
        Playback.Validate();
    }

    /// <summary>The playback settings.</summary>
    public PlaybackOptions Playback { get; }

    /// <summary>The rate frames are published at (set at open: the option, else the recording's own rate).</summary>
    public double FramesPerSecond { get; private set; }

    /// <summary>Opens the recording; returns its frame size and its own rate (null when it has none).</summary>
    protected abstract (int Width, int Height, double? FramesPerSecond) OpenRecording();

    /// <summary>Decodes the next frame in order into <paramref name="rgb"/>; false at the end of the recording.</summary>
    protected abstract bool ReadNextFrame(Span<byte> rgb, out long sourceIndex);

    /// <summary>Goes back to the first frame.</summary>
    protected abstract void Rewind();

    /// <inheritdoc />
    protected sealed override (int Width, int Height) OpenCore()
    {
        (int width, int height, double? own) = OpenRecording();
        FramesPerSecond = Playback.FramesPerSecond ?? (own is > 0 and <= 1000 ? own.Value : 30);
        _periodNs = (long)(1e9 / FramesPerSecond);
        _next = 0;
        _startNs = 0;
        return (width, height);
    }

    /// <inheritdoc />
    protected sealed override CaptureResult CaptureNext(Span<byte> rgb, out long timestampNs, out long sourceIndex)
    {
        timestampNs = 0;
        sourceIndex = 0;
        long now = MonotonicClock.Now();
        if (_next == 0) _startNs = now;
        long due = _startNs + _next * _periodNs;
        if (due > now && WaitForStop(TimeSpan.FromTicks((due - now) / 100))) return CaptureResult.None;
        if (now - due > _periodNs)
        {
            _startNs = now - _next * _periodNs;
        }

        _next++;
        if (!ReadNextFrame(rgb, out sourceIndex))
        {
            if (!Playback.Loop) return CaptureResult.End;
            Rewind();
            if (!ReadNextFrame(rgb, out sourceIndex)) return CaptureResult.End;
        }

        timestampNs = MonotonicClock.Now();
        return CaptureResult.Frame;
    }
}
