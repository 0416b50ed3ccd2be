using System.Buffers.Binary;
using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>
/// The SDO frame layouts of CiA 301 §7.2.4.3 (expedited and segmented transfer): byte 0 is the command specifier
/// (bits 7..5) with its flags, bytes 1..2 the index (little-endian), byte 3 the sub-index, bytes 4..7 data or size.
/// Segment frames carry 7 data bytes after byte 0.
/// </summary>
internal static class SdoFrames
{
    public const byte ClientDownloadSegment = 0;  // ccs 0
    public const byte ClientInitiateDownload = 1; // ccs 1
    public const byte ClientInitiateUpload = 2;   // ccs 2
    public const byte ClientUploadSegment = 3;    // ccs 3
    public const byte ServerUploadSegment = 0;    // scs 0
    public const byte ServerDownloadSegment = 1;  // scs 1
    public const byte ServerInitiateUpload = 2;   // scs 2
    public const byte ServerInitiateDownload = 3; // scs 3
    public const byte Abort = 4;                  // cs 4

    public static byte Specifier(in CanFrame frame) => (byte)(frame.Data[0] >> 5);

    public static ushort IndexOf(in CanFrame frame) => (ushort)(frame.Data[1] | (frame.Data[2] << 8));

    public static CanFrame New(uint cobId, byte command, ushort index, byte subIndex)
    {
        var frame = new CanFrame { Id = cobId, Length = 8 };
        frame.Data[0] = command;
        frame.Data[1] = (byte)index;
        frame.Data[2] = (byte)(index >> 8);
        frame.Data[3] = subIndex;
        return frame;
    }

    public static CanFrame AbortFrame(uint cobId, ushort index, byte subIndex, SdoAbortCode code)
    {
        var frame = New(cobId, Abort << 5, index, subIndex);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.Data[4..], (uint)code);
        return frame;
    }

    public static CanFrame Segment(uint cobId, byte command, ReadOnlySpan<byte> data)
    {
        var frame = new CanFrame { Id = cobId, Length = 8 };
        frame.Data[0] = command;
        data.CopyTo(frame.Data[1..]);
        return frame;
    }

    public static uint ReadUInt32(in CanFrame frame) => BinaryPrimitives.ReadUInt32LittleEndian(((ReadOnlySpan<byte>)frame.Data)[4..]);
}
