using Controller.Cerebellum.Controllers.Trajectory;
using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Controllers;

/// <summary>
/// The chunk follower with the spline fit moved off the loop thread. <see cref="Accept"/> (loop thread) only
/// validates the chunk and copies it, with the path's start state at the epoch, into a request; a worker thread fits
/// the spline into a preallocated segment and publishes it; the loop adopts the newest published segment at the start
/// of its next <see cref="Update"/> (a cycle boundary) with one atomic exchange. The loop thread never fits, allocates,
/// locks or waits.
/// </summary>
/// <remarks>
/// Latest wins on both hand-overs: a chunk that arrives before the worker took the previous one supersedes it, and
/// a segment published before the loop adopted the previous one replaces it — as a newer chunk replaces the rest of
/// the current one anyway. A chunk takes effect one cycle or more after it arrived (when its fit is ready), not in
/// the cycle it arrived as with <see cref="ChunkFollowingController"/>; the reference stays continuous regardless
/// (the jerk-limited tracker carries position, velocity and acceleration across any change of path). Segments fitted
/// before a <see cref="Activate"/> are dropped. The worker polls every <see cref="PollInterval"/> (it sleeps; the loop
/// never signals it, because waking a waiting thread takes a lock).
/// </remarks>
public sealed class OffLoopChunkFollowingController : ICycleController, IChunkConsumer, IDisposable
{
    private const int PoolSize = 4;
    private readonly JointLimitSet _limits;
    private readonly Request[] _requests = new Request[PoolSize];
    private readonly Segment[] _segments = new Segment[PoolSize];
    private readonly Thread _worker;
    private Request? _pendingRequest;
    private Segment? _published;
    private Segment? _current;
    private volatile bool _stopping;
    private long _fitted, _adopted, _superseded, _dropped;

    /// <summary>Creates the controller and starts its worker thread.</summary>
    public OffLoopChunkFollowingController(JointLimitSet limits, string name = "chunk-follower-off-loop", TimeSpan? pollInterval = null)
    {
        _limits = limits ?? throw new ArgumentNullException(nameof(limits));
        Follower = new ChunkTrajectoryFollower(limits);
        Name = name;
        PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(1);
        for (int i = 0; i < PoolSize; i++)
        {
            _requests[i] = new Request(limits.Count);
            _segments[i] = new Segment(limits.Count);
        }
        _worker = new Thread(Work) { IsBackground = true, Name = $"{name}-fit" };
        _worker.Start();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The follower inside (for its counters).</summary>
    public ChunkTrajectoryFollower Follower { get; }

    /// <summary>How often the worker looks for a new chunk.</summary>
    public TimeSpan PollInterval { get; }

    /// <summary>Segments fitted by the worker.</summary>
    public long FittedSegments => Volatile.Read(ref _fitted);

    /// <summary>Segments adopted by the loop.</summary>
    public long AdoptedSegments => Volatile.Read(ref _adopted);

    /// <summary>Chunks or segments replaced by newer ones before they were used.</summary>
    public long Superseded => Volatile.Read(ref _superseded);

    /// <summary>Chunks dropped because no request buffer was free, or segments dropped as stale after a restart.</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    /// <inheritdoc />
    public void Activate(in CycleTime time, in JointState measured) => Follower.Reset(measured);

    /// <inheritdoc />
    public ChunkRejection Accept(in ActionChunk chunk, long nowNs)
    {
        ChunkRejection reason = Follower.Check(in chunk, nowNs);
        if (reason != ChunkRejection.None) return reason;
        Request? request = Claim(_requests, Request.LoopFilling);
        if (request is null)
        {
            Volatile.Write(ref _dropped, _dropped + 1);
            return ChunkRejection.None;
        }
        request.Chunk = chunk;
        request.NowNs = nowNs;
        request.EpochNs = Follower.CaptureStart(nowNs, request.StartP, request.StartV, out _);
        Follower.ReferencePosition.CopyTo(request.DeltaBase);
        request.Generation = Follower.Generation;
        Volatile.Write(ref request.State, Request.Pending);
        Request? superseded = Interlocked.Exchange(ref _pendingRequest, request);
        if (superseded is not null)
        {
            Volatile.Write(ref superseded.State, Request.Free);
            Volatile.Write(ref _superseded, _superseded + 1);
        }
        return ChunkRejection.None;
    }

    /// <inheritdoc />
    public void Update(in CycleTime time, in JointState measured, ref JointCommand command)
    {
        Segment? ready = Interlocked.Exchange(ref _published, null);
        if (ready is not null)
        {
            if (ready.Generation == Follower.Generation && Follower.IsStarted)
            {
                Follower.Adopt(ready.Spline, ready.EpochNs, ready.EndNs);
                if (_current is not null) Volatile.Write(ref _current.State, Segment.Free);
                _current = ready;
                Volatile.Write(ref ready.State, Segment.Current);
                Volatile.Write(ref _adopted, _adopted + 1);
            }
            else
            {
                Volatile.Write(ref ready.State, Segment.Free);
                Volatile.Write(ref _dropped, _dropped + 1);
            }
        }
        Follower.Update(time, ref command);
    }

    /// <summary>Stops the worker thread.</summary>
    public void Dispose()
    {
        _stopping = true;
        _worker.Join();
    }

    private void Work()
    {
        while (!_stopping)
        {
            Request? request = Interlocked.Exchange(ref _pendingRequest, null);
            if (request is null)
            {
                Thread.Sleep(PollInterval);
                continue;
            }
            Segment? segment = Claim(_segments, Segment.Filling);
            if (segment is null)
            {
                // Cannot happen with four segments (one current, one published, one filling); counted if it does.
                Volatile.Write(ref request.State, Request.Free);
                Interlocked.Increment(ref _dropped);
                continue;
            }
            segment.EndNs = ChunkTrajectoryFollower.FitSegment(segment.Spline, _limits, in request.Chunk, request.EpochNs, request.NowNs,
                request.StartP, request.StartV, request.DeltaBase);
            segment.EpochNs = request.EpochNs;
            segment.Generation = request.Generation;
            Volatile.Write(ref request.State, Request.Free);
            Interlocked.Increment(ref _fitted);
            Volatile.Write(ref segment.State, Segment.Published);
            Segment? replaced = Interlocked.Exchange(ref _published, segment);
            if (replaced is not null)
            {
                Volatile.Write(ref replaced.State, Segment.Free);
                Interlocked.Increment(ref _superseded);
            }
        }
    }

    private static T? Claim<T>(T[] pool, int claimedState) where T : Pooled
    {
        foreach (var item in pool)
            if (Interlocked.CompareExchange(ref item.State, claimedState, Pooled.Free) == Pooled.Free) return item;
        return null;
    }

    private abstract class Pooled
    {
        public const int Free = 0;
        public int State;
    }

    private sealed class Request(int joints) : Pooled
    {
        public const int LoopFilling = 1, Pending = 2;
        public ActionChunk Chunk;
        public long NowNs, EpochNs, Generation;
        public readonly double[] StartP = new double[joints], StartV = new double[joints], DeltaBase = new double[joints];
    }

    private sealed class Segment(int joints) : Pooled
    {
        public const int Filling = 1, Published = 2, Current = 3;
        public readonly ClampedCubicSpline Spline = new(joints);
        public long EpochNs, EndNs, Generation;
    }
}
