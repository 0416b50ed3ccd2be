namespace Controller.Pipeline.Messages;

/// <summary>The defined reaction the safety supervisor took, mildest first.</summary>
public enum SafetyReaction : int
{
    /// <summary>Counted and reported only.</summary>
    None = 0,

    /// <summary>Commands clamped to limits.</summary>
    Limit = 1,

    /// <summary>Holding the last safe position.</summary>
    Hold = 2,

    /// <summary>Protective stop: decelerate and hold with drives enabled.</summary>
    ProtectiveStop = 3,

    /// <summary>Drives disabled and brakes applied.</summary>
    Brake = 4,
}
