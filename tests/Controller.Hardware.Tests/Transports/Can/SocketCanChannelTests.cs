using System.Runtime.CompilerServices;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Time;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Transports.Can;

public class SocketCanChannelTests
{
    [Fact]
    public unsafe void LinuxCanFrame_Layout_MatchesKernelStruct()
    {
        Assert.Equal(16, sizeof(LinuxCanFrame));
        var frame = default(LinuxCanFrame);
        byte* start = (byte*)&frame;
        Assert.Equal(0, (int)((byte*)&frame.CanId - start));
        Assert.Equal(4, (int)(&frame.Length - start));
        Assert.Equal(7, (int)(&frame.Len8Dlc - start));
        Assert.Equal(8, (int)(frame.Data - start));
    }

    [Fact]
    public unsafe void LinuxCanFrame_ExtendedRemote_SetsKernelFlagBits()
    {
        var native = LinuxCanFrame.From(CanFrame.CreateRemote(0x18FF50E5, 8, extended: true));
        Assert.Equal(0x8000_0000u | 0x4000_0000u | 0x18FF50E5u, native.CanId);
        Assert.Equal(8, native.Length);
    }

    [Fact]
    public unsafe void LinuxCanFrame_StandardData_IsByteExact()
    {
        var native = LinuxCanFrame.From(CanFrame.Create(0x123, [0xDE, 0xAD, 0xBE, 0xEF]));
        var bytes = new ReadOnlySpan<byte>(&native, 16).ToArray();
        Assert.Equal(new byte[] { 0x23, 0x01, 0, 0, 4, 0, 0, 0, 0xDE, 0xAD, 0xBE, 0xEF, 0, 0, 0, 0 }, bytes);
    }

    [Fact]
    public void LinuxCanFrame_RoundTrip_IsIdentity()
    {
        var gen = from extended in Gen.Elements(true, false)
                  from remote in Gen.Elements(true, false)
                  from id in Gen.Choose(0, extended ? (int)CanFrame.MaxExtendedId : 0x7FF)
                  from data in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 8)
                  from length in Gen.Choose(0, 8)
                  select remote ? CanFrame.CreateRemote((uint)id, length, extended) : CanFrame.Create((uint)id, data.AsSpan(0, length), extended);
        Prop.ForAll(gen.ToArbitrary(), frame => LinuxCanFrame.From(frame).ToCanFrame(5) == frame).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void LinuxCanFrame_ErrorFrame_MapsClassBits()
    {
        var error = CanFrame.CreateError(CanErrorClass.BusOff, 0);
        var native = LinuxCanFrame.From(error);
        Assert.Equal(0x2000_0040u, native.CanId);
        Assert.True(native.ToCanFrame(0).IsError);
        Assert.Equal((uint)CanErrorClass.BusOff, native.ToCanFrame(0).Id);
    }

    [Fact]
    public void Constructor_NoCanSupportOrNoInterface_ThrowsWithTheFix()
    {
        // On this machine the kernel has no AF_CAN; on a CAN-capable one the interface does not exist. Either way
        // the exception names the problem and the command that fixes it.
        var ex = Assert.Throws<SocketCanUnavailableException>(() => new SocketCanChannel("nocan7", new ManualClock()));
        Assert.Equal("nocan7", ex.InterfaceName);
        if (ex.Errno is 97 or 93)
        {
            Assert.Contains("no CAN support", ex.Message);
            Assert.Contains("modprobe can can_raw vcan", ex.Message);
            Assert.Contains("ip link add dev vcan0 type vcan", ex.Message);
        }
        else
        {
            Assert.Contains("ip link add dev nocan7 type vcan", ex.Message);
        }
    }

    [Fact]
    public void NoKernelSupportMessage_NamesErrnoAndModules()
    {
        string message = SocketCanChannel.NoKernelSupportMessage("can0", 97);
        Assert.Contains("EAFNOSUPPORT", message);
        Assert.Contains("modprobe can can_raw vcan", message);
    }

    [Fact]
    public void Constructor_NameTooLong_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new SocketCanChannel("a-name-of-16-chr", new ManualClock()));

    [Fact]
    public void TryReadTimestampNs_TimestampControlMessage_ReturnsNanoseconds()
    {
        var control = new byte[64];
        BitConverter.TryWriteBytes(control.AsSpan(0), 32L);   // cmsg_len: header 16 + timespec 16
        BitConverter.TryWriteBytes(control.AsSpan(8), 1);     // SOL_SOCKET
        BitConverter.TryWriteBytes(control.AsSpan(12), 35);   // SO_TIMESTAMPNS
        BitConverter.TryWriteBytes(control.AsSpan(16), 12L);
        BitConverter.TryWriteBytes(control.AsSpan(24), 345L);
        Assert.True(SocketCanNative.TryReadTimestampNs(control.AsSpan(0, 32), out long ns));
        Assert.Equal(12_000_000_345L, ns);
    }

    [Fact]
    public void TryReadTimestampNs_RandomBytes_NeverThrows()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var bytes = new byte[rng.Next(0, 80)];
            rng.NextBytes(bytes);
            if (bytes.Length >= 8 && rng.Next(2) == 0) BitConverter.TryWriteBytes(bytes.AsSpan(0), (long)rng.Next(0, 90));
            SocketCanNative.TryReadTimestampNs(bytes, out _);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void StateAfterErrorFrame_BusOffThenRestarted_TracksState()
    {
        var off = SocketCanChannel.StateAfterErrorFrame(CanFrame.CreateError(CanErrorClass.BusOff, 0), CanBusState.ErrorActive);
        Assert.Equal(CanBusState.BusOff, off);
        Assert.Equal(CanBusState.ErrorActive, SocketCanChannel.StateAfterErrorFrame(CanFrame.CreateError(CanErrorClass.Restarted, 0), off));
        Assert.Equal(CanBusState.ErrorPassive, SocketCanChannel.StateAfterErrorFrame(CanFrame.CreateError(CanErrorClass.Controller, 0, 0x20), CanBusState.ErrorActive));
    }
}
