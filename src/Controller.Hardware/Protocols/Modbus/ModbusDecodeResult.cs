namespace Controller.Hardware.Protocols.Modbus;

/// <summary>Outcome of decoding the start of a byte span as a Modbus RTU frame.</summary>
public enum ModbusDecodeResult
{
    /// <summary>A complete frame with a good CRC.</summary>
    Frame,

    /// <summary>An exception response (function | 0x80, exception code) with a good CRC.</summary>
    ExceptionResponse,

    /// <summary>The bytes so far may start a frame; read more.</summary>
    NeedMoreData,

    /// <summary>A complete frame whose CRC is wrong.</summary>
    CrcMismatch,

    /// <summary>Not a frame this decoder accepts (function, count or byte count out of the specification's range).</summary>
    Malformed,
}
