namespace Controller.Pipeline.Messages;

/// <summary>Quality flags of a <see cref="Wrench"/> sample.</summary>
[Flags]
public enum WrenchFlags : int
{
    /// <summary>A good sample.</summary>
    None = 0,

    /// <summary>At least one axis is at the sensor's range limit: the true value may be larger.</summary>
    Saturated = 1,

    /// <summary>The sensor's bias has been removed (tared).</summary>
    Tared = 2,

    /// <summary>No new sample arrived this cycle; the values are the last good ones.</summary>
    Stale = 4,

    /// <summary>Tool gravity has been compensated using the robot model.</summary>
    GravityCompensated = 8,
}
