using Controller.Hardware.Protocols.Cia402;

namespace Controller.Hardware.Devices.Cia402;

/// <summary>What the driver knows about one drive after the last read.</summary>
/// <param name="NodeId">The drive's node-ID.</param>
/// <param name="State">CiA 402 state from the statusword.</param>
/// <param name="Statusword">Raw statusword.</param>
/// <param name="FollowingErrorRad">Following error (0x60F4) at the joint.</param>
/// <param name="LastEmergencyCode">Last EMCY error code (0 after an error reset).</param>
/// <param name="Emergencies">EMCY messages received.</param>
/// <param name="MissedCycles">Cycles whose TPDO did not arrive in time, in total.</param>
/// <param name="HeartbeatLost">True while the heartbeat is overdue.</param>
public readonly record struct Cia402DriveStatus(
    byte NodeId, Cia402State State, ushort Statusword, double FollowingErrorRad, ushort LastEmergencyCode,
    long Emergencies, long MissedCycles, bool HeartbeatLost);
