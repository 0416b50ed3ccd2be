namespace Controller.Cli.Commands.Doctor;

/// <summary>How a hardware finding of <c>robotctl doctor</c> stands.</summary>
public enum DoctorStatus
{
    /// <summary>Ready as it is.</summary>
    Ok,

    /// <summary>Works, but costs latency or a feature; the fix says how to do better.</summary>
    Warn,

    /// <summary>Something the controller needs for a configuration is missing; the fix says how to get it.</summary>
    Fail,
}
