namespace Controller.Hardware.Protocols.EtherCat.Mailbox;

/// <summary>SDO abort codes (CiA 301 §7.2.4.3.17, with the EtherCAT additions of ETG.1000.6 §5.6.2.7).</summary>
public enum SdoAbortCode : uint
{
    /// <summary>Toggle bit not changed.</summary>
    ToggleBitNotChanged = 0x05030000,
    /// <summary>SDO protocol timeout.</summary>
    SdoProtocolTimeout = 0x05040000,
    /// <summary>Client/server command specifier not valid or unknown.</summary>
    InvalidCommandSpecifier = 0x05040001,
    /// <summary>Invalid block size (block mode only).</summary>
    InvalidBlockSize = 0x05040002,
    /// <summary>Invalid sequence number (block mode only).</summary>
    InvalidSequenceNumber = 0x05040003,
    /// <summary>CRC error (block mode only).</summary>
    CrcError = 0x05040004,
    /// <summary>Out of memory.</summary>
    OutOfMemory = 0x05040005,
    /// <summary>Unsupported access to an object.</summary>
    UnsupportedAccess = 0x06010000,
    /// <summary>Attempt to read a write-only object.</summary>
    WriteOnlyObject = 0x06010001,
    /// <summary>Attempt to write a read-only object.</summary>
    ReadOnlyObject = 0x06010002,
    /// <summary>Subindex cannot be written; subindex 0 must be 0 for write access.</summary>
    SubIndexCannotBeWritten = 0x06010003,
    /// <summary>Complete access not supported for objects of variable length.</summary>
    CompleteAccessNotSupported = 0x06010004,
    /// <summary>Object length exceeds the mailbox size.</summary>
    ObjectLengthExceedsMailbox = 0x06010005,
    /// <summary>Object mapped to an RxPDO; SDO download blocked.</summary>
    ObjectMappedToRxPdo = 0x06010006,
    /// <summary>The object does not exist in the object dictionary.</summary>
    ObjectDoesNotExist = 0x06020000,
    /// <summary>The object cannot be mapped into the PDO.</summary>
    ObjectCannotBeMapped = 0x06040041,
    /// <summary>The number and length of the objects to be mapped would exceed the PDO length.</summary>
    PdoLengthExceeded = 0x06040042,
    /// <summary>General parameter incompatibility.</summary>
    GeneralParameterIncompatibility = 0x06040043,
    /// <summary>General internal incompatibility in the device.</summary>
    GeneralInternalIncompatibility = 0x06040047,
    /// <summary>Access failed due to a hardware error.</summary>
    HardwareError = 0x06060000,
    /// <summary>Data type does not match; length of service parameter does not match.</summary>
    LengthMismatch = 0x06070010,
    /// <summary>Data type does not match; length of service parameter too high.</summary>
    LengthTooHigh = 0x06070012,
    /// <summary>Data type does not match; length of service parameter too low.</summary>
    LengthTooLow = 0x06070013,
    /// <summary>Subindex does not exist.</summary>
    SubIndexDoesNotExist = 0x06090011,
    /// <summary>Value range of parameter exceeded (write access only).</summary>
    ValueRangeExceeded = 0x06090030,
    /// <summary>Value of parameter written too high.</summary>
    ValueTooHigh = 0x06090031,
    /// <summary>Value of parameter written too low.</summary>
    ValueTooLow = 0x06090032,
    /// <summary>Maximum value is less than minimum value.</summary>
    MaximumLessThanMinimum = 0x06090036,
    /// <summary>Resource not available: SDO connection.</summary>
    ResourceNotAvailable = 0x060A0023,
    /// <summary>General error.</summary>
    GeneralError = 0x08000000,
    /// <summary>Data cannot be transferred or stored to the application.</summary>
    DataCannotBeTransferred = 0x08000020,
    /// <summary>Data cannot be transferred or stored because of local control.</summary>
    DataCannotBeTransferredLocalControl = 0x08000021,
    /// <summary>Data cannot be transferred or stored because of the present device state.</summary>
    DataCannotBeTransferredDeviceState = 0x08000022,
    /// <summary>Object dictionary dynamic generation failed or no object dictionary is present.</summary>
    NoObjectDictionary = 0x08000023,
    /// <summary>No data available.</summary>
    NoDataAvailable = 0x08000024,
}
