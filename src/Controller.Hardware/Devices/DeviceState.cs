namespace Controller.Hardware.Devices;

/// <summary>Where a device group is in its lifecycle. Commands are accepted only in <see cref="Active"/>.</summary>
public enum DeviceState
{
    /// <summary>Created; no communication yet.</summary>
    Unconfigured,

    /// <summary>Communicating and read-only: states are read, nothing is commanded, drives are disabled.</summary>
    Configured,

    /// <summary>Drives enabled; commands accepted through the write handle.</summary>
    Active,

    /// <summary>A fault stopped commanding; reads continue where the bus allows. Recoverable without a restart.</summary>
    Faulted,

    /// <summary>Shut down; communication closed.</summary>
    Stopped,
}
