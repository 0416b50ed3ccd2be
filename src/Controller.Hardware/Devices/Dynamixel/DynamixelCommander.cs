using System.Buffers.Binary;
using System.Diagnostics;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Transports.Serial;

namespace Controller.Hardware.Devices.Dynamixel;

/// <summary>
/// Unicast request/reply transactions for the lifecycle (Open, EnableDrives, ClearFaults): ping, read and write one
/// servo, waiting for its status packet. Off the loop thread; failures throw <see cref="IOException"/> naming the
/// bus, the servo and what went wrong.
/// </summary>
internal sealed class DynamixelCommander(ISerialLink link, string busName, TimeSpan timeout)
{
    private readonly byte[] _tx = new byte[64];
    private readonly byte[] _body = new byte[DynamixelPacket.MaxPacketBytes];
    private readonly DynamixelStreamDecoder _decoder = new();

    /// <summary>Pings <paramref name="id"/> up to <paramref name="attempts"/> times; the model number and firmware, or null when it never answers.</summary>
    public (ushort ModelNumber, byte Firmware)? Ping(byte id, int attempts)
    {
        for (int i = 0; i < attempts; i++)
        {
            int n = DynamixelInstructions.Ping(_tx, id);
            if (TryTransact(n, id, out var info) && info.StatusParameterLength >= 3)
                return (BinaryPrimitives.ReadUInt16LittleEndian(_body.AsSpan(1)), _body[3]);
        }
        return null;
    }

    /// <summary>Reads one item, throwing when the servo does not answer or reports an error.</summary>
    public int Read(byte id, DynamixelRegister register)
    {
        int n = DynamixelInstructions.Read(_tx, id, register.Address, register.Size);
        var info = Require(n, id, $"read address {register.Address}");
        if (info.StatusParameterLength != register.Size)
            throw new IOException($"dynamixel bus '{busName}': servo id {id} answered {info.StatusParameterLength} bytes for a {register.Size}-byte read of address {register.Address}.");
        var data = _body.AsSpan(1, register.Size);
        return register.Size switch { 1 => data[0], 2 => BinaryPrimitives.ReadInt16LittleEndian(data), _ => BinaryPrimitives.ReadInt32LittleEndian(data) };
    }

    /// <summary>Writes one item, throwing when the servo does not answer or reports an error.</summary>
    public void Write(byte id, DynamixelRegister register, int value)
    {
        int n = DynamixelInstructions.WriteValue(_tx, id, register.Address, value, register.Size);
        Require(n, id, $"write {value} to address {register.Address}");
    }

    /// <summary>Sends Reboot; true when the servo acknowledged it.</summary>
    public bool Reboot(byte id) => TryTransact(DynamixelInstructions.Reboot(_tx, id), id, out _);

    /// <summary>Sends a packet that gets no reply (broadcast). False when the line would not take it.</summary>
    public bool Send(ReadOnlySpan<byte> packet) => link.Write(packet, Deadline());

    private DynamixelPacketInfo Require(int requestLength, byte id, string what)
    {
        if (!TryTransact(requestLength, id, out var info))
            throw new IOException($"dynamixel bus '{busName}': servo id {id} did not answer ({what}) within {timeout.TotalMilliseconds} ms.");
        byte error = _body[0];
        var code = DynamixelStatusErrors.Code(error);
        if (code != DynamixelStatusError.None)
            throw new IOException($"dynamixel bus '{busName}': servo id {id} refused to {what}: {code}{(DynamixelStatusErrors.HasHardwareAlert(error) ? " (hardware error alert set)" : "")}.");
        return info;
    }

    private bool TryTransact(int requestLength, byte id, out DynamixelPacketInfo info)
    {
        info = default;
        _decoder.Clear();
        link.DiscardInput();
        long deadline = Deadline();
        if (!link.Write(_tx.AsSpan(0, requestLength), deadline)) return false;
        while (true)
        {
            DynamixelDecodeResult result;
            while ((result = _decoder.TryNext(_body, out info)) != DynamixelDecodeResult.NeedMoreData)
            {
                if (result == DynamixelDecodeResult.Packet && info.IsStatus && info.Id == id) return true;
            }
            int n = link.Read(_decoder.GetWriteSpace(), deadline);
            if (n == 0) return false;
            _decoder.Commit(n);
        }
    }

    private long Deadline() => Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
}
