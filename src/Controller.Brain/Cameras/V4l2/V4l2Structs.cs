using System.Runtime.InteropServices;
using System.Text;

namespace Controller.Brain.Cameras.V4l2;

/// <summary>struct v4l2_capability (104 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 104)]
internal unsafe struct V4l2Capability
{
    [FieldOffset(0)] public fixed byte Driver[16];
    [FieldOffset(16)] public fixed byte Card[32];
    [FieldOffset(48)] public fixed byte BusInfo[32];
    [FieldOffset(80)] public uint Version;
    [FieldOffset(84)] public uint Capabilities;
    [FieldOffset(88)] public uint DeviceCaps;

    /// <summary>The capabilities of this device node (device_caps when the driver fills it).</summary>
    public readonly uint NodeCaps => (Capabilities & V4l2Native.CapDeviceCaps) != 0 ? DeviceCaps : Capabilities;

    public readonly string CardName
    {
        get
        {
            fixed (byte* p = Card)
            {
                var span = new ReadOnlySpan<byte>(p, 32);
                int end = span.IndexOf((byte)0);
                return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
            }
        }
    }
}

/// <summary>struct v4l2_format (208 bytes) with the single-planar struct v4l2_pix_format of its union at byte 8.</summary>
[StructLayout(LayoutKind.Explicit, Size = 208)]
internal struct V4l2Format
{
    [FieldOffset(0)] public uint Type;
    [FieldOffset(8)] public uint Width;
    [FieldOffset(12)] public uint Height;
    [FieldOffset(16)] public uint PixelFormat;
    [FieldOffset(20)] public uint Field;
    [FieldOffset(24)] public uint BytesPerLine;
    [FieldOffset(28)] public uint SizeImage;
    [FieldOffset(32)] public uint ColorSpace;
}

/// <summary>struct v4l2_requestbuffers (20 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 20)]
internal struct V4l2RequestBuffers
{
    [FieldOffset(0)] public uint Count;
    [FieldOffset(4)] public uint Type;
    [FieldOffset(8)] public uint Memory;
    [FieldOffset(12)] public uint Capabilities;
}

/// <summary>struct v4l2_buffer (88 bytes on 64-bit Linux: a 16-byte timeval at 24, the m union at 64).</summary>
[StructLayout(LayoutKind.Explicit, Size = 88)]
internal struct V4l2Buffer
{
    [FieldOffset(0)] public uint Index;
    [FieldOffset(4)] public uint Type;
    [FieldOffset(8)] public uint BytesUsed;
    [FieldOffset(12)] public uint Flags;
    [FieldOffset(16)] public uint Field;
    [FieldOffset(24)] public long TimestampSeconds;
    [FieldOffset(32)] public long TimestampMicroseconds;
    [FieldOffset(56)] public uint Sequence;
    [FieldOffset(60)] public uint Memory;
    [FieldOffset(64)] public uint Offset;
    [FieldOffset(72)] public uint Length;
}
