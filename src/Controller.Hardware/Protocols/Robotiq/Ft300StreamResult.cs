namespace Controller.Hardware.Protocols.Robotiq;

/// <summary>Outcome of <see cref="Ft300StreamDecoder.TryNext"/>.</summary>
public enum Ft300StreamResult
{
    /// <summary>A valid frame.</summary>
    Frame,

    /// <summary>No complete frame in the buffer; read more bytes.</summary>
    NeedMoreData,

    /// <summary>A header with a whole frame behind it whose CRC is wrong; one byte was dropped, call again.</summary>
    CrcMismatch,
}
