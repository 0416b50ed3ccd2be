using System.Runtime.InteropServices;

namespace Controller.Brain.Cameras.V4l2;

/// <summary>
/// The slice of the Linux V4L2 API (include/uapi/linux/videodev2.h, the "Video for Linux API" spec, chapters
/// "Querying Capabilities", "Data Formats", "Streaming I/O (Memory Mapping)") and libc the capture uses. Struct
/// layouts are those of 64-bit Linux (a 16-byte struct timeval); sizes and offsets are checked against the kernel
/// header's values in the tests. Request numbers are computed with the kernel's _IOC encoding.
/// </summary>
internal static unsafe partial class V4l2Native
{
    public const uint BufTypeVideoCapture = 1;
    public const uint MemoryMmap = 1;
    public const uint FieldNone = 1;
    public const uint CapVideoCapture = 0x00000001;
    public const uint CapStreaming = 0x04000000;
    public const uint CapDeviceCaps = 0x80000000;
    public const uint BufFlagTimestampMask = 0x0000e000;
    public const uint BufFlagTimestampMonotonic = 0x00002000;

    public const int ORdWr = 2;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;
    public const int ProtRead = 1;
    public const int ProtWrite = 2;
    public const int MapShared = 1;
    public const short PollIn = 1;

    public const int ENoEnt = 2;
    public const int EIntr = 4;
    public const int ENxIo = 6;
    public const int EAgain = 11;
    public const int EAcces = 13;
    public const int EBusy = 16;
    public const int ENoDev = 19;
    public const int EInval = 22;
    public const int ENotTy = 25;
    public const int EPerm = 1;

    public static readonly ulong VidiocQueryCap = Ioc(IocRead, 'V', 0, sizeof(V4l2Capability));
    public static readonly ulong VidiocSFmt = Ioc(IocRead | IocWrite, 'V', 5, sizeof(V4l2Format));
    public static readonly ulong VidiocReqBufs = Ioc(IocRead | IocWrite, 'V', 8, sizeof(V4l2RequestBuffers));
    public static readonly ulong VidiocQueryBuf = Ioc(IocRead | IocWrite, 'V', 9, sizeof(V4l2Buffer));
    public static readonly ulong VidiocQBuf = Ioc(IocRead | IocWrite, 'V', 15, sizeof(V4l2Buffer));
    public static readonly ulong VidiocDQBuf = Ioc(IocRead | IocWrite, 'V', 17, sizeof(V4l2Buffer));
    public static readonly ulong VidiocStreamOn = Ioc(IocWrite, 'V', 18, sizeof(int));
    public static readonly ulong VidiocStreamOff = Ioc(IocWrite, 'V', 19, sizeof(int));

    private const uint IocWrite = 1;
    private const uint IocRead = 2;

    /// <summary>The kernel's _IOC(dir, type, nr, size): dir in bits 30–31, size in 16–29, type in 8–15, nr in 0–7.</summary>
    public static ulong Ioc(uint direction, char type, uint number, int size) =>
        (direction << 30) | ((uint)size << 16) | ((uint)type << 8) | number;

    /// <summary>A little-endian fourcc ('YUYV' → 0x56595559).</summary>
    public static uint FourCc(string code) => code[0] | ((uint)code[1] << 8) | ((uint)code[2] << 16) | ((uint)code[3] << 24);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, ulong request, void* argument);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(nint address, nuint length);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    /// <summary>ioctl, retried when a signal interrupts it; returns 0 or the errno.</summary>
    public static int IoctlErrno(int fd, ulong request, void* argument)
    {
        while (true)
        {
            if (Ioctl(fd, request, argument) >= 0) return 0;
            int errno = Marshal.GetLastPInvokeError();
            if (errno != EIntr) return errno;
        }
    }

    /// <summary>The C library's text for <paramref name="errno"/>.</summary>
    public static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Returned;
    }
}
