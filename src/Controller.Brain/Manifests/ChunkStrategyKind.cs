namespace Controller.Brain.Manifests;

/// <summary>How a policy's fresh chunk meets the unexecuted rest of the published one (manifest <c>action.strategy</c>).</summary>
public enum ChunkStrategyKind
{
    /// <summary><c>replace</c>: publish the fresh chunk as computed (the default).</summary>
    Replace,

    /// <summary><c>queue</c>: keep executing the pending rows; refill (pending then fresh) only when they run out before the next call.</summary>
    Queue,

    /// <summary><c>temporal_ensemble</c>: ACT's exponentially weighted mean of every prediction for each row.</summary>
    TemporalEnsemble,

    /// <summary><c>real_time_chunking</c>: rows executed during inference stay; the rest of the old plan fades into the fresh one.</summary>
    RealTimeChunking,
}
