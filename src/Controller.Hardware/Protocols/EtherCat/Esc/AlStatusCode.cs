namespace Controller.Hardware.Protocols.EtherCat.Esc;

/// <summary>
/// AL status codes (register 0x0134) a slave reports with the error indicator set (ETG.1000.6 §5.3.2 table
/// "AL Status Codes", extended by ETG.1020). Codes 0x8000..0xFFFF are vendor specific.
/// </summary>
public enum AlStatusCode : ushort
{
    /// <summary>No error.</summary>
    NoError = 0x0000,
    /// <summary>Unspecified error.</summary>
    UnspecifiedError = 0x0001,
    /// <summary>No memory.</summary>
    NoMemory = 0x0002,
    /// <summary>Invalid device setup.</summary>
    InvalidDeviceSetup = 0x0003,
    /// <summary>SII/EEPROM information does not match the firmware.</summary>
    SiiDoesNotMatchFirmware = 0x0006,
    /// <summary>Firmware update not successful.</summary>
    FirmwareUpdateFailed = 0x0007,
    /// <summary>License error.</summary>
    LicenseError = 0x000E,
    /// <summary>Invalid requested state change.</summary>
    InvalidRequestedStateChange = 0x0011,
    /// <summary>Unknown requested state.</summary>
    UnknownRequestedState = 0x0012,
    /// <summary>Bootstrap not supported.</summary>
    BootstrapNotSupported = 0x0013,
    /// <summary>No valid firmware.</summary>
    NoValidFirmware = 0x0014,
    /// <summary>Invalid mailbox configuration (BOOT state).</summary>
    InvalidMailboxConfigurationBoot = 0x0015,
    /// <summary>Invalid mailbox configuration (PRE-OP state).</summary>
    InvalidMailboxConfigurationPreOp = 0x0016,
    /// <summary>Invalid sync manager configuration.</summary>
    InvalidSyncManagerConfiguration = 0x0017,
    /// <summary>No valid inputs available.</summary>
    NoValidInputs = 0x0018,
    /// <summary>No valid outputs.</summary>
    NoValidOutputs = 0x0019,
    /// <summary>Synchronization error.</summary>
    SynchronizationError = 0x001A,
    /// <summary>Sync manager watchdog: process data stopped arriving.</summary>
    SyncManagerWatchdog = 0x001B,
    /// <summary>Invalid sync manager types.</summary>
    InvalidSyncManagerTypes = 0x001C,
    /// <summary>Invalid output configuration.</summary>
    InvalidOutputConfiguration = 0x001D,
    /// <summary>Invalid input configuration.</summary>
    InvalidInputConfiguration = 0x001E,
    /// <summary>Invalid watchdog configuration.</summary>
    InvalidWatchdogConfiguration = 0x001F,
    /// <summary>Slave needs cold start.</summary>
    NeedsColdStart = 0x0020,
    /// <summary>Slave needs INIT.</summary>
    NeedsInit = 0x0021,
    /// <summary>Slave needs PRE-OP.</summary>
    NeedsPreOp = 0x0022,
    /// <summary>Slave needs SAFE-OP.</summary>
    NeedsSafeOp = 0x0023,
    /// <summary>Invalid input mapping.</summary>
    InvalidInputMapping = 0x0024,
    /// <summary>Invalid output mapping.</summary>
    InvalidOutputMapping = 0x0025,
    /// <summary>Inconsistent settings.</summary>
    InconsistentSettings = 0x0026,
    /// <summary>Free-run not supported.</summary>
    FreeRunNotSupported = 0x0027,
    /// <summary>Synchronization not supported.</summary>
    SynchronizationNotSupported = 0x0028,
    /// <summary>Free-run needs 3-buffer mode.</summary>
    FreeRunNeedsThreeBufferMode = 0x0029,
    /// <summary>Background watchdog.</summary>
    BackgroundWatchdog = 0x002A,
    /// <summary>No valid inputs and outputs.</summary>
    NoValidInputsAndOutputs = 0x002B,
    /// <summary>Fatal sync error.</summary>
    FatalSyncError = 0x002C,
    /// <summary>No sync error (SYNC signals not received).</summary>
    NoSyncError = 0x002D,
    /// <summary>Invalid DC SYNC configuration.</summary>
    InvalidDcSyncConfiguration = 0x0030,
    /// <summary>Invalid DC latch configuration.</summary>
    InvalidDcLatchConfiguration = 0x0031,
    /// <summary>PLL error.</summary>
    PllError = 0x0032,
    /// <summary>DC sync IO error.</summary>
    DcSyncIoError = 0x0033,
    /// <summary>DC sync timeout error.</summary>
    DcSyncTimeout = 0x0034,
    /// <summary>DC invalid sync cycle time.</summary>
    DcInvalidSyncCycleTime = 0x0035,
    /// <summary>DC SYNC0 cycle time not supported.</summary>
    DcSync0CycleTime = 0x0036,
    /// <summary>DC SYNC1 cycle time not supported.</summary>
    DcSync1CycleTime = 0x0037,
    /// <summary>Mailbox AoE error.</summary>
    MailboxAoe = 0x0041,
    /// <summary>Mailbox EoE error.</summary>
    MailboxEoe = 0x0042,
    /// <summary>Mailbox CoE error.</summary>
    MailboxCoe = 0x0043,
    /// <summary>Mailbox FoE error.</summary>
    MailboxFoe = 0x0044,
    /// <summary>Mailbox SoE error.</summary>
    MailboxSoe = 0x0045,
    /// <summary>Mailbox VoE error.</summary>
    MailboxVoe = 0x004F,
    /// <summary>EEPROM no access.</summary>
    EepromNoAccess = 0x0050,
    /// <summary>EEPROM error.</summary>
    EepromError = 0x0051,
    /// <summary>External hardware not ready.</summary>
    ExternalHardwareNotReady = 0x0052,
    /// <summary>Slave restarted locally.</summary>
    SlaveRestartedLocally = 0x0060,
    /// <summary>Device identification value updated.</summary>
    DeviceIdentificationUpdated = 0x0061,
    /// <summary>Detected module ident list does not match the configured one.</summary>
    ModuleIdentListMismatch = 0x0070,
    /// <summary>Supply voltage too low.</summary>
    SupplyVoltageTooLow = 0x0080,
    /// <summary>Supply voltage too high.</summary>
    SupplyVoltageTooHigh = 0x0081,
    /// <summary>Temperature too low.</summary>
    TemperatureTooLow = 0x0082,
    /// <summary>Temperature too high.</summary>
    TemperatureTooHigh = 0x0083,
    /// <summary>Application controller available.</summary>
    ApplicationControllerAvailable = 0x00F0,
}
