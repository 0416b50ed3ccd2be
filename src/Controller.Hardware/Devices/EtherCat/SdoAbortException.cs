using Controller.Hardware.Protocols.EtherCat.Mailbox;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>The slave aborted an SDO transfer; the abort code is named in the message.</summary>
public sealed class SdoAbortException : EtherCatException
{
    /// <summary>The CiA 301 abort code.</summary>
    public uint AbortCode { get; }

    /// <summary>Creates the exception.</summary>
    public SdoAbortException(ushort stationAddress, ushort index, byte subIndex, uint abortCode)
        : base(stationAddress, $"slave 0x{stationAddress:X4} aborted SDO 0x{index:X4}:{subIndex}: {SdoAbortCodes.Describe(abortCode)}") =>
        AbortCode = abortCode;
}
