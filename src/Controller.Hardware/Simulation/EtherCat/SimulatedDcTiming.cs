namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>
/// When a frame passes each slave of a line: it reaches the k-th present slave's port 0 after k hops and comes back
/// to that slave's port 1 after the rest of the line and back again — 2·(n−1)−k hops — while the last slave closes
/// the loop itself (no downstream receive time). Symmetric hops: real ESCs add a little forwarding asymmetry,
/// which a master cannot measure either.
/// </summary>
public static class SimulatedDcTiming
{
    /// <summary>Tells every present slave's DC unit when this frame reaches it (no allocation: called per frame).</summary>
    /// <param name="slaves">The line in wiring order.</param>
    /// <param name="startNs">True time the frame enters the first slave.</param>
    /// <param name="hopDelayNs">Cable plus forwarding delay between neighbours, each way.</param>
    public static void PassFrame(SimulatedSlave[] slaves, long startNs, long hopDelayNs)
    {
        int present = 0;
        for (int i = 0; i < slaves.Length; i++)
            if (slaves[i].Present) present++;
        int k = 0;
        for (int i = 0; i < slaves.Length; i++)
        {
            if (!slaves[i].Present)
                continue;
            long? back = k < present - 1 ? startNs + (2L * (present - 1) - k) * hopDelayNs : null;
            slaves[i].Dc.OnFrameArrival(startNs + k * hopDelayNs, back);
            k++;
        }
    }
}
