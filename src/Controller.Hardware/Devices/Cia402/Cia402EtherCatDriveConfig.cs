using Controller.Hardware.Protocols.Cia402;

namespace Controller.Hardware.Devices.Cia402;

/// <summary>One CiA 402 drive on EtherCAT: the slave it is and how its units map to the joint.</summary>
/// <param name="StationAddress">The slave's configured station address (0x1000 + position after <c>EtherCatDiscovery.Discover</c>).</param>
/// <param name="Scaling">Increments, gear ratio and rated torque.</param>
public sealed record Cia402EtherCatDriveConfig(ushort StationAddress, Cia402Scaling Scaling)
{
    /// <summary>Following error window written to 0x6065 at start-up (rad at the joint); 0 leaves the drive's own setting.</summary>
    public double FollowingErrorWindowRad { get; init; }

    /// <summary>Throws when the scaling is missing or the window is negative.</summary>
    internal void Validate(string busName)
    {
        ArgumentNullException.ThrowIfNull(Scaling);
        if (!(FollowingErrorWindowRad >= 0))
            throw new ArgumentOutOfRangeException(nameof(FollowingErrorWindowRad), FollowingErrorWindowRad, $"bus '{busName}' slave 0x{StationAddress:X4}: the following error window must be ≥ 0 rad.");
    }
}
