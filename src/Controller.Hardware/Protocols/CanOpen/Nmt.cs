using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>NMT frames (CiA 301 §7.2.8): node control from the master, heartbeat from each node.</summary>
public static class Nmt
{
    /// <summary>Node control: COB-ID 0x000, two bytes [command, node-ID]; node-ID 0 addresses every node.</summary>
    public static CanFrame Command(NmtCommand command, byte nodeId)
    {
        var frame = new CanFrame { Id = CanOpenCobIds.Nmt, Length = 2 };
        frame.Data[0] = (byte)command;
        frame.Data[1] = nodeId;
        return frame;
    }

    /// <summary>A heartbeat (or, with <see cref="NmtState.BootUp"/>, the boot-up message): COB-ID 0x700 + node, one byte.</summary>
    public static CanFrame Heartbeat(byte nodeId, NmtState state)
    {
        var frame = new CanFrame { Id = CanOpenCobIds.Heartbeat(nodeId), Length = 1 };
        frame.Data[0] = (byte)state;
        return frame;
    }

    /// <summary>Reads a heartbeat; false when the frame is not one (wrong identifier, length, remote, unknown state).</summary>
    public static bool TryDecodeHeartbeat(in CanFrame frame, out byte nodeId, out NmtState state)
    {
        state = NmtState.Unknown;
        nodeId = 0;
        if (frame.IsExtended || frame.IsRemote || frame.IsError || frame.Length < 1) return false;
        if (CanOpenCobIds.Classify(frame.Id, out nodeId, out _) != CanOpenFunction.Heartbeat) return false;
        var value = (NmtState)(frame.Data[0] & 0x7F); // bit 7 is the node-guarding toggle
        if (value is not (NmtState.BootUp or NmtState.Stopped or NmtState.Operational or NmtState.PreOperational)) return false;
        state = value;
        return true;
    }

    /// <summary>Reads a node-control command; false when the frame is not one.</summary>
    public static bool TryDecodeCommand(in CanFrame frame, out NmtCommand command, out byte nodeId)
    {
        command = default;
        nodeId = 0;
        if (frame.IsExtended || frame.IsRemote || frame.IsError || frame.Id != CanOpenCobIds.Nmt || frame.Length != 2) return false;
        command = (NmtCommand)frame.Data[0];
        nodeId = frame.Data[1];
        return command is NmtCommand.StartRemoteNode or NmtCommand.StopRemoteNode or NmtCommand.EnterPreOperational
            or NmtCommand.ResetNode or NmtCommand.ResetCommunication && nodeId <= CanOpenCobIds.MaxNodeId;
    }

    /// <summary>The state a node enters on <paramref name="command"/> (reset commands end in boot-up, then pre-operational).</summary>
    public static NmtState StateAfter(NmtCommand command) => command switch
    {
        NmtCommand.StartRemoteNode => NmtState.Operational,
        NmtCommand.StopRemoteNode => NmtState.Stopped,
        NmtCommand.EnterPreOperational => NmtState.PreOperational,
        _ => NmtState.PreOperational,
    };
}
