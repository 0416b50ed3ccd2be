using System.Buffers.Binary;
using System.Diagnostics;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>Requests AL states and waits for them (configuration phase: throws on refusal, naming the AL status code).</summary>
public static class AlStateControl
{
    /// <summary>Reads AL status (0x0130) and AL status code (0x0134) of one slave.</summary>
    /// <exception cref="EtherCatException">No answer.</exception>
    public static (AlStatus Status, ushort Code) Read(EtherCatPort port, ushort station)
    {
        Span<byte> registers = stackalloc byte[6];
        SiiEepromReader.Check(port.Exchange(EtherCatCommand.Fprd, EtherCatAddress.Physical(station, EscRegister.AlStatus), registers, 1), station, "read AL status");
        return (new AlStatus(BinaryPrimitives.ReadUInt16LittleEndian(registers)), BinaryPrimitives.ReadUInt16LittleEndian(registers[4..]));
    }

    /// <summary>Requests <paramref name="target"/> and polls until the slave reaches it.</summary>
    /// <param name="port">The port.</param>
    /// <param name="station">Station address.</param>
    /// <param name="target">State to reach.</param>
    /// <param name="timeoutNs">How long to poll.</param>
    /// <param name="acknowledgeError">Acknowledge a pending error indicator with the request.</param>
    /// <exception cref="EtherCatException">The slave refused (message names the AL status code) or did not get there in time.</exception>
    public static void RequestState(EtherCatPort port, ushort station, AlState target, long timeoutNs = 2_000_000_000, bool acknowledgeError = false)
    {
        Span<byte> control = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(control, AlControl.Request(target, acknowledgeError));
        SiiEepromReader.Check(port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(station, EscRegister.AlControl), control, 1), station, $"request {target}");
        long deadline = Stopwatch.GetTimestamp() + (long)(timeoutNs * (Stopwatch.Frequency / 1e9));
        while (true)
        {
            var (status, code) = Read(port, station);
            if (status.HasError)
                throw new EtherCatException(station,
                    $"slave 0x{station:X4} refused {target}: stays in {status.State}, AL status code {AlStatusCodes.Describe(code)}");
            if (status.State == target)
                return;
            if (Stopwatch.GetTimestamp() > deadline)
                throw new EtherCatException(station, $"slave 0x{station:X4} did not reach {target} in {timeoutNs / 1_000_000} ms (in {status.State})");
        }
    }
}
