namespace Controller.Pipeline.Messages;

/// <summary>What a <see cref="SafetyEvent"/> reports.</summary>
public enum SafetyEventKind : int
{
    /// <summary>No event (a zeroed message).</summary>
    None = 0,

    /// <summary>The emergency-stop input opened.</summary>
    EmergencyStop = 1,

    /// <summary>A joint position, velocity or effort limit was reached.</summary>
    JointLimit = 2,

    /// <summary>A device did not answer in time.</summary>
    CommunicationTimeout = 3,

    /// <summary>A frame failed its checksum or CRC.</summary>
    ChecksumError = 4,

    /// <summary>A device dropped off its bus.</summary>
    DeviceLost = 5,

    /// <summary>A collision was detected (external torque or force residual above threshold).</summary>
    Collision = 6,

    /// <summary>A command or model output was not a finite number.</summary>
    NonFiniteValue = 7,

    /// <summary>The brain stopped sending goals or chunks within its deadline.</summary>
    BrainSilent = 8,

    /// <summary>The loop missed its deadline.</summary>
    DeadlineMiss = 9,

    /// <summary>A fault was cleared and the system recovered.</summary>
    Recovered = 10,

    /// <summary>A command was malformed (joint count or mode wrong for the robot) and was not written.</summary>
    InvalidCommand = 11,

    /// <summary>Reduced-speed mode was entered; <see cref="SafetyEvent.Value"/> is the speed factor.</summary>
    ReducedSpeed = 12,
}
