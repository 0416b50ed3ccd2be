namespace Controller.Runtime.Configuration;

/// <summary>How a bus's wire time compares with the loop period.</summary>
public enum BusLoadLevel
{
    /// <summary>At most <see cref="BusLoadCheck.WarningFraction"/> of the period.</summary>
    Ok,

    /// <summary>Fits, but above <see cref="BusLoadCheck.WarningFraction"/> of the period: little room for retries and jitter.</summary>
    Warning,

    /// <summary>More wire time than the period: the bus cannot keep up with the loop.</summary>
    Error,
}
