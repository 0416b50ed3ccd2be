using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>
/// An EMCY object (CiA 301 §7.2.7.3.1): COB-ID 0x080 + node, 8 bytes: error code (UNSIGNED16, little-endian),
/// error register (0x1001), 5 manufacturer-specific bytes. Error code 0x0000 means "error reset / no error".
/// </summary>
public readonly struct EmergencyMessage
{
    /// <summary>Creates a message.</summary>
    public EmergencyMessage(byte nodeId, ushort errorCode, byte errorRegister, ulong manufacturerData = 0)
    {
        NodeId = nodeId;
        ErrorCode = errorCode;
        ErrorRegister = errorRegister;
        ManufacturerData = manufacturerData & 0xFF_FFFF_FFFF;
    }

    /// <summary>The node that sent it.</summary>
    public byte NodeId { get; }

    /// <summary>The error code (CiA 301 table 21 classes, CiA 402 drive codes).</summary>
    public ushort ErrorCode { get; }

    /// <summary>The error register (0x1001): bit 0 generic, 1 current, 2 voltage, 3 temperature, 4 communication, 5 profile, 7 manufacturer.</summary>
    public byte ErrorRegister { get; }

    /// <summary>The five manufacturer-specific bytes, little-endian in the low 40 bits.</summary>
    public ulong ManufacturerData { get; }

    /// <summary>True for the "error reset / no error" message (code 0x0000).</summary>
    public bool IsErrorReset => ErrorCode == 0;

    /// <summary>The name of the error code (a static string, no allocation).</summary>
    public string Description => EmergencyErrorCodes.Describe(ErrorCode);

    /// <summary>Decodes an EMCY frame; false when the frame is not one (identifier, length, kind).</summary>
    public static bool TryDecode(in CanFrame frame, out EmergencyMessage message)
    {
        message = default;
        if (frame.IsExtended || frame.IsRemote || frame.IsError || frame.Length != 8) return false;
        if (CanOpenCobIds.Classify(frame.Id, out byte nodeId, out _) != CanOpenFunction.Emergency) return false;
        ulong manufacturer = 0;
        for (int i = 7; i >= 3; i--) manufacturer = (manufacturer << 8) | frame.Data[i];
        message = new EmergencyMessage(nodeId, (ushort)(frame.Data[0] | (frame.Data[1] << 8)), frame.Data[2], manufacturer);
        return true;
    }

    /// <summary>The frame of this message.</summary>
    public CanFrame ToFrame()
    {
        var frame = new CanFrame { Id = CanOpenCobIds.Emergency(NodeId), Length = 8 };
        frame.Data[0] = (byte)ErrorCode;
        frame.Data[1] = (byte)(ErrorCode >> 8);
        frame.Data[2] = ErrorRegister;
        for (int i = 0; i < 5; i++) frame.Data[3 + i] = (byte)(ManufacturerData >> (8 * i));
        return frame;
    }

    /// <inheritdoc />
    public override string ToString() => $"EMCY node {NodeId}: 0x{ErrorCode:X4} {Description} (register 0x{ErrorRegister:X2})";
}
