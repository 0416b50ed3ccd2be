namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>
/// COB-IDs of the CiA 301 predefined connection set (§7.3.3): an 11-bit identifier is a 4-bit function code and a
/// 7-bit node-ID (1..127).
/// </summary>
public static class CanOpenCobIds
{
    /// <summary>NMT node control.</summary>
    public const uint Nmt = 0x000;

    /// <summary>SYNC.</summary>
    public const uint Sync = 0x080;

    /// <summary>Largest node-ID.</summary>
    public const byte MaxNodeId = 127;

    /// <summary>Emergency of a node.</summary>
    public static uint Emergency(byte nodeId) => 0x080u + nodeId;

    /// <summary>Transmit PDO <paramref name="pdo"/> (1..4) of a node.</summary>
    public static uint Tpdo(int pdo, byte nodeId) => 0x180u + 0x100u * (uint)(pdo - 1) + nodeId;

    /// <summary>Receive PDO <paramref name="pdo"/> (1..4) of a node.</summary>
    public static uint Rpdo(int pdo, byte nodeId) => 0x200u + 0x100u * (uint)(pdo - 1) + nodeId;

    /// <summary>SDO server → client (responses from the node).</summary>
    public static uint SdoResponse(byte nodeId) => 0x580u + nodeId;

    /// <summary>SDO client → server (requests to the node).</summary>
    public static uint SdoRequest(byte nodeId) => 0x600u + nodeId;

    /// <summary>Heartbeat / boot-up of a node.</summary>
    public static uint Heartbeat(byte nodeId) => 0x700u + nodeId;

    /// <summary>Throws unless 1 ≤ <paramref name="nodeId"/> ≤ 127.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the value and the range.</exception>
    public static void ValidateNodeId(int nodeId, string paramName = "nodeId")
    {
        if (nodeId < 1 || nodeId > MaxNodeId)
            throw new ArgumentOutOfRangeException(paramName, nodeId, $"a CANopen node-ID must be 1..{MaxNodeId}; got {nodeId}.");
    }

    /// <summary>Splits an 11-bit identifier into its function and node-ID (0 for NMT and SYNC); PDO number in <paramref name="pdo"/>.</summary>
    public static CanOpenFunction Classify(uint cobId, out byte nodeId, out int pdo)
    {
        nodeId = (byte)(cobId & 0x7F);
        pdo = 0;
        if (cobId > 0x7FF) return CanOpenFunction.Unknown;
        if (cobId == Nmt) return CanOpenFunction.Nmt;
        if (cobId == Sync) { nodeId = 0; return CanOpenFunction.Sync; }
        if (nodeId == 0) return CanOpenFunction.Unknown;
        uint function = cobId >> 7;
        switch (function)
        {
            case 0x1: return CanOpenFunction.Emergency;
            case 0x3 or 0x5 or 0x7 or 0x9: pdo = (int)(function - 1) / 2; return CanOpenFunction.Tpdo;
            case 0x4 or 0x6 or 0x8 or 0xA: pdo = (int)(function - 2) / 2; return CanOpenFunction.Rpdo;
            case 0xB: return CanOpenFunction.SdoResponse;
            case 0xC: return CanOpenFunction.SdoRequest;
            case 0xE: return CanOpenFunction.Heartbeat;
            default: return CanOpenFunction.Unknown;
        }
    }
}
