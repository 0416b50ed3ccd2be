namespace Controller.Pipeline.Memory;

/// <summary>What one side of a pipeline can tell about the other side, without waiting for it.</summary>
public enum PeerStatus
{
    /// <summary>No process holds the other end (never attached, or detached cleanly).</summary>
    NotAttached,

    /// <summary>The owner process exists and its heartbeat is fresh (or it sends none).</summary>
    Alive,

    /// <summary>The owner process exists but has not sent a heartbeat within the timeout: hung or paused.</summary>
    HeartbeatStale,

    /// <summary>The owner process no longer exists: it crashed or was killed without detaching.</summary>
    ProcessExited,
}
