namespace Controller.Pipeline.Memory;

/// <summary>
/// Claiming, releasing and inspecting an <see cref="EndpointLine"/>. An end is held by one process at a
/// time; a process that died holding it is detected by its pid and the end can be taken over, so a
/// crashed brain can be restarted against a running loop.
/// </summary>
internal static unsafe class EndpointOwnership
{
    /// <summary>Takes the line for this process or throws, naming the holder.</summary>
    /// <exception cref="InvalidOperationException">When a live process (this one included) already holds it.</exception>
    public static void Take(EndpointLine* line, NativeRegion region, string endName)
    {
        long me = ProcessProbe.CurrentPid;
        while (true)
        {
            long holder = Interlocked.CompareExchange(ref line->OwnerPid, me, 0);
            if (holder == 0) break;
            if (ProcessProbe.IsAlive(holder))
            {
                string who = holder == me ? "this process" : $"process {holder}";
                throw new InvalidOperationException(
                    $"The {endName} end of pipeline '{region.Name}' is already held by {who}; each end is handed out once.");
            }
            // The holder died without detaching: take over from exactly that holder.
            if (Interlocked.CompareExchange(ref line->OwnerPid, me, holder) == holder) break;
        }
        Volatile.Write(ref line->HeartbeatNs, 0);
    }

    /// <summary>Releases the line if this process holds it.</summary>
    public static void Release(EndpointLine* line)
    {
        Interlocked.CompareExchange(ref line->OwnerPid, 0, ProcessProbe.CurrentPid);
    }

    /// <summary>Publishes a heartbeat; the owner calls this from its own loop with the cycle's time.</summary>
    public static void Beat(EndpointLine* line, long nowNs) => Volatile.Write(ref line->HeartbeatNs, nowNs);

    /// <summary>Inspects the holder of <paramref name="line"/> without blocking.</summary>
    public static PeerStatus Inspect(EndpointLine* line, long nowNs, long heartbeatTimeoutNs)
    {
        long holder = Volatile.Read(ref line->OwnerPid);
        if (holder == 0) return PeerStatus.NotAttached;
        if (!ProcessProbe.IsAlive(holder)) return PeerStatus.ProcessExited;
        long beat = Volatile.Read(ref line->HeartbeatNs);
        if (beat != 0 && nowNs - beat > heartbeatTimeoutNs) return PeerStatus.HeartbeatStale;
        return PeerStatus.Alive;
    }
}
