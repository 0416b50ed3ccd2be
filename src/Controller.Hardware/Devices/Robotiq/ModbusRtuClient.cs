using System.Diagnostics;
using Controller.Hardware.Protocols.Modbus;
using Controller.Hardware.Transports.Serial;

namespace Controller.Hardware.Devices.Robotiq;

/// <summary>
/// Modbus RTU master transactions (read holding registers, write multiple registers) on an <see cref="ISerialLink"/>,
/// for configuration before the loop runs: they block up to a timeout and throw on failure. Not for the cycle path.
/// </summary>
public sealed class ModbusRtuClient
{
    private readonly ISerialLink _link;
    private readonly byte[] _request = new byte[ModbusRtu.MaxFrameBytes];
    private readonly byte[] _reply = new byte[2 * ModbusRtu.MaxFrameBytes];

    /// <summary>Transactions on <paramref name="link"/>, each waiting at most <paramref name="replyTimeout"/>.</summary>
    public ModbusRtuClient(ISerialLink link, TimeSpan replyTimeout)
    {
        _link = link ?? throw new ArgumentNullException(nameof(link));
        if (replyTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(replyTimeout), replyTimeout, "the reply timeout must be > 0.");
        ReplyTimeout = replyTimeout;
    }

    /// <summary>How long a transaction waits for its reply.</summary>
    public TimeSpan ReplyTimeout { get; }

    /// <summary>Reads <paramref name="values"/>.Length holding registers from <paramref name="address"/>.</summary>
    /// <exception cref="TimeoutException">No valid reply in time (the message names slave and register).</exception>
    /// <exception cref="IOException">An exception response or a reply of the wrong size.</exception>
    public void ReadHoldingRegisters(byte slave, ushort address, Span<ushort> values)
    {
        int n = ModbusRtu.ReadHoldingRegistersRequest(_request, slave, address, (ushort)values.Length);
        var frame = Transact(slave, address, n, ModbusFunction.ReadHoldingRegisters);
        if (frame.Count != values.Length)
            throw new IOException($"modbus slave {slave}: read of {values.Length} registers at {address} answered with {frame.Count}.");
        for (int i = 0; i < values.Length; i++) values[i] = ModbusRtu.Register(_reply, frame, i);
    }

    /// <summary>Writes <paramref name="values"/> to consecutive registers from <paramref name="address"/>.</summary>
    /// <exception cref="TimeoutException">No valid reply in time.</exception>
    /// <exception cref="IOException">An exception response or a wrong echo.</exception>
    public void WriteMultipleRegisters(byte slave, ushort address, ReadOnlySpan<ushort> values)
    {
        int n = ModbusRtu.WriteMultipleRegistersRequest(_request, slave, address, values);
        var frame = Transact(slave, address, n, ModbusFunction.WriteMultipleRegisters);
        if (frame.Address != address || frame.Count != values.Length)
            throw new IOException($"modbus slave {slave}: write of {values.Length} registers at {address} echoed {frame.Count} at {frame.Address}.");
    }

    private ModbusFrame Transact(byte slave, ushort address, int requestLength, ModbusFunction function)
    {
        _link.DiscardInput();
        long deadline = Stopwatch.GetTimestamp() + (long)(ReplyTimeout.TotalSeconds * Stopwatch.Frequency);
        if (!_link.Write(_request.AsSpan(0, requestLength), deadline))
            throw new TimeoutException($"modbus slave {slave}: the request for register {address} could not be sent within {ReplyTimeout.TotalMilliseconds} ms.");
        int length = 0;
        while (true)
        {
            int start = 0;
            while (start < length)
            {
                var result = ModbusRtu.DecodeResponse(_reply.AsSpan(start, length - start), function, out var frame);
                if (result == ModbusDecodeResult.NeedMoreData) break;
                if (result is ModbusDecodeResult.Frame or ModbusDecodeResult.ExceptionResponse && frame.Slave == slave)
                {
                    if (result == ModbusDecodeResult.ExceptionResponse)
                        throw new IOException($"modbus slave {slave}: function {(byte)function} at register {address} refused with exception code {frame.ExceptionCode}.");
                    if (start > 0) _reply.AsSpan(start, length - start).CopyTo(_reply);
                    return frame;
                }
                start++;  // noise, another slave's frame, a damaged reply: resynchronise one byte on
            }
            if (start > 0)
            {
                _reply.AsSpan(start, length - start).CopyTo(_reply);
                length -= start;
            }
            if (length == _reply.Length) length = 0;
            int n = _link.Read(_reply.AsSpan(length), deadline);
            if (n == 0)
                throw new TimeoutException($"modbus slave {slave}: no valid reply to function {(byte)function} at register {address} within {ReplyTimeout.TotalMilliseconds} ms.");
            length += n;
        }
    }
}
