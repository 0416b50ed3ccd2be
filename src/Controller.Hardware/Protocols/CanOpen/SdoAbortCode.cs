namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>SDO abort codes (CiA 301 §7.2.4.3.17, table 22).</summary>
public enum SdoAbortCode : uint
{
    /// <summary>No abort (this library's value).</summary>
    None = 0,

    /// <summary>Toggle bit not alternated.</summary>
    ToggleBitNotAlternated = 0x0503_0000,

    /// <summary>SDO protocol timed out.</summary>
    Timeout = 0x0504_0000,

    /// <summary>Client/server command specifier not valid or unknown.</summary>
    InvalidCommandSpecifier = 0x0504_0001,

    /// <summary>Invalid block size (block mode only).</summary>
    InvalidBlockSize = 0x0504_0002,

    /// <summary>Invalid sequence number (block mode only).</summary>
    InvalidSequenceNumber = 0x0504_0003,

    /// <summary>CRC error (block mode only).</summary>
    CrcError = 0x0504_0004,

    /// <summary>Out of memory.</summary>
    OutOfMemory = 0x0504_0005,

    /// <summary>Unsupported access to an object.</summary>
    UnsupportedAccess = 0x0601_0000,

    /// <summary>Attempt to read a write-only object.</summary>
    ReadOfWriteOnly = 0x0601_0001,

    /// <summary>Attempt to write a read-only object.</summary>
    WriteOfReadOnly = 0x0601_0002,

    /// <summary>Object does not exist in the object dictionary.</summary>
    ObjectDoesNotExist = 0x0602_0000,

    /// <summary>Object cannot be mapped to the PDO.</summary>
    ObjectCannotBeMapped = 0x0604_0041,

    /// <summary>The number and length of the objects to be mapped would exceed the PDO length.</summary>
    PdoLengthExceeded = 0x0604_0042,

    /// <summary>General parameter incompatibility reason.</summary>
    ParameterIncompatibility = 0x0604_0043,

    /// <summary>General internal incompatibility in the device.</summary>
    InternalIncompatibility = 0x0604_0047,

    /// <summary>Access failed due to a hardware error.</summary>
    HardwareError = 0x0606_0000,

    /// <summary>Data type does not match, length of service parameter does not match.</summary>
    LengthMismatch = 0x0607_0010,

    /// <summary>Data type does not match, length of service parameter too high.</summary>
    LengthTooHigh = 0x0607_0012,

    /// <summary>Data type does not match, length of service parameter too low.</summary>
    LengthTooLow = 0x0607_0013,

    /// <summary>Sub-index does not exist.</summary>
    SubIndexDoesNotExist = 0x0609_0011,

    /// <summary>Invalid value for parameter (download only).</summary>
    InvalidValue = 0x0609_0030,

    /// <summary>Value of parameter written too high (download only).</summary>
    ValueTooHigh = 0x0609_0031,

    /// <summary>Value of parameter written too low (download only).</summary>
    ValueTooLow = 0x0609_0032,

    /// <summary>Maximum value is less than minimum value.</summary>
    MaxLessThanMin = 0x0609_0036,

    /// <summary>Resource not available: SDO connection.</summary>
    ResourceNotAvailable = 0x060A_0023,

    /// <summary>General error.</summary>
    GeneralError = 0x0800_0000,

    /// <summary>Data cannot be transferred or stored to the application.</summary>
    DataCannotBeStored = 0x0800_0020,

    /// <summary>Data cannot be transferred or stored to the application because of local control.</summary>
    DataCannotBeStoredLocalControl = 0x0800_0021,

    /// <summary>Data cannot be transferred or stored to the application because of the present device state.</summary>
    DataCannotBeStoredDeviceState = 0x0800_0022,

    /// <summary>Object dictionary dynamic generation fails or no object dictionary is present.</summary>
    NoObjectDictionary = 0x0800_0023,

    /// <summary>No data available.</summary>
    NoDataAvailable = 0x0800_0024,
}
