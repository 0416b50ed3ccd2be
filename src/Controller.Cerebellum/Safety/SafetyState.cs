namespace Controller.Cerebellum.Safety;

/// <summary>The safety supervisor's state. Stop states hold until acknowledged and re-enabled with their cause gone.</summary>
public enum SafetyState : int
{
    /// <summary>Commands pass, clamped to the joint limits.</summary>
    Normal = 0,

    /// <summary>As <see cref="Normal"/>, with every velocity limit scaled by <see cref="SafetyOptions.ReducedSpeedFactor"/>.</summary>
    ReducedSpeed = 1,

    /// <summary>Every joint decelerates to zero velocity within its acceleration limit, then holds with drives enabled.</summary>
    ProtectiveStop = 2,

    /// <summary>Immediate hold (<c>ControlMode.Hold</c>) from the cycle the stop was requested or the e-stop line opened.</summary>
    EmergencyStop = 3,

    /// <summary>A malformed command (wrong joint count or unknown mode): hold at the last safe command.</summary>
    Fault = 4,
}
