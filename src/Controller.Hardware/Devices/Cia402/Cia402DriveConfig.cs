using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.CanOpen;

namespace Controller.Hardware.Devices.Cia402;

/// <summary>One CiA 402 drive on a CANopen bus: its node-ID and how its units map to the joint.</summary>
/// <param name="NodeId">CANopen node-ID, 1..127.</param>
/// <param name="Scaling">Increments, gear ratio and rated torque.</param>
public sealed record Cia402DriveConfig(byte NodeId, Cia402Scaling Scaling)
{
    /// <summary>Following error window written to 0x6065 (rad at the joint); 0 leaves the drive's own setting.</summary>
    public double FollowingErrorWindowRad { get; init; }

    /// <summary>Throws when the node-ID is out of range or the scaling is missing.</summary>
    internal void Validate(string busName)
    {
        if (NodeId < 1 || NodeId > CanOpenCobIds.MaxNodeId)
            throw new ArgumentOutOfRangeException(nameof(NodeId), NodeId, $"bus '{busName}': a CANopen node-ID must be 1..127; got {NodeId}.");
        ArgumentNullException.ThrowIfNull(Scaling);
        if (!(FollowingErrorWindowRad >= 0))
            throw new ArgumentOutOfRangeException(nameof(FollowingErrorWindowRad), FollowingErrorWindowRad, $"bus '{busName}' node {NodeId}: the following error window must be ≥ 0 rad.");
    }
}
