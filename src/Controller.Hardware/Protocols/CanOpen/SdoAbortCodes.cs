namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>Descriptions of SDO abort codes in the words of CiA 301 table 22 (static strings).</summary>
public static class SdoAbortCodes
{
    /// <summary>The spec's description of <paramref name="code"/>, or "unknown abort code".</summary>
    public static string Describe(SdoAbortCode code) => code switch
    {
        SdoAbortCode.None => "no abort",
        SdoAbortCode.ToggleBitNotAlternated => "toggle bit not alternated",
        SdoAbortCode.Timeout => "SDO protocol timed out",
        SdoAbortCode.InvalidCommandSpecifier => "client/server command specifier not valid or unknown",
        SdoAbortCode.InvalidBlockSize => "invalid block size",
        SdoAbortCode.InvalidSequenceNumber => "invalid sequence number",
        SdoAbortCode.CrcError => "CRC error",
        SdoAbortCode.OutOfMemory => "out of memory",
        SdoAbortCode.UnsupportedAccess => "unsupported access to an object",
        SdoAbortCode.ReadOfWriteOnly => "attempt to read a write only object",
        SdoAbortCode.WriteOfReadOnly => "attempt to write a read only object",
        SdoAbortCode.ObjectDoesNotExist => "object does not exist in the object dictionary",
        SdoAbortCode.ObjectCannotBeMapped => "object cannot be mapped to the PDO",
        SdoAbortCode.PdoLengthExceeded => "the number and length of the objects to be mapped would exceed PDO length",
        SdoAbortCode.ParameterIncompatibility => "general parameter incompatibility reason",
        SdoAbortCode.InternalIncompatibility => "general internal incompatibility in the device",
        SdoAbortCode.HardwareError => "access failed due to a hardware error",
        SdoAbortCode.LengthMismatch => "data type does not match, length of service parameter does not match",
        SdoAbortCode.LengthTooHigh => "data type does not match, length of service parameter too high",
        SdoAbortCode.LengthTooLow => "data type does not match, length of service parameter too low",
        SdoAbortCode.SubIndexDoesNotExist => "sub-index does not exist",
        SdoAbortCode.InvalidValue => "invalid value for parameter (download only)",
        SdoAbortCode.ValueTooHigh => "value of parameter written too high (download only)",
        SdoAbortCode.ValueTooLow => "value of parameter written too low (download only)",
        SdoAbortCode.MaxLessThanMin => "maximum value is less than minimum value",
        SdoAbortCode.ResourceNotAvailable => "resource not available: SDO connection",
        SdoAbortCode.GeneralError => "general error",
        SdoAbortCode.DataCannotBeStored => "data cannot be transferred or stored to the application",
        SdoAbortCode.DataCannotBeStoredLocalControl => "data cannot be transferred or stored to the application because of local control",
        SdoAbortCode.DataCannotBeStoredDeviceState => "data cannot be transferred or stored to the application because of the present device state",
        SdoAbortCode.NoObjectDictionary => "object dictionary dynamic generation fails or no object dictionary is present",
        SdoAbortCode.NoDataAvailable => "no data available",
        _ => "unknown abort code",
    };
}
