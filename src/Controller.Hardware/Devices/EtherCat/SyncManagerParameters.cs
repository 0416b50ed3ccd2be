namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// The CoE sync manager parameter objects of ETG.1020 / ETG.6010 (0x1C32 for the outputs SM2, 0x1C33 for the inputs SM3):
/// the sub-indices a master writes to put a drive into DC SYNC0 mode, and those a drive reports its synchronisation in.
/// </summary>
public static class SyncManagerParameters
{
    /// <summary>Output sync manager parameters (SM2).</summary>
    public const ushort Outputs = 0x1C32;

    /// <summary>Input sync manager parameters (SM3).</summary>
    public const ushort Inputs = 0x1C33;

    /// <summary>Sub 1, UINT16: synchronisation type (0 free run, 1 SM event, 2 DC SYNC0, 3 DC SYNC1).</summary>
    public const byte SyncMode = 0x01;

    /// <summary>Sub 2, UINT32: cycle time, ns.</summary>
    public const byte CycleTime = 0x02;

    /// <summary>Sub 4, UINT16: synchronisation types supported (bit 0 free run, bit 1 SM, bits 2..4 DC).</summary>
    public const byte SyncModesSupported = 0x04;

    /// <summary>Sub 5, UINT32: minimum cycle time, ns.</summary>
    public const byte MinimumCycleTime = 0x05;

    /// <summary>Sub 0x0B, UINT16: SM events (process-data frames) missed between SYNC0 pulses.</summary>
    public const byte SmEventMissedCounter = 0x0B;

    /// <summary>Sub 0x20, BOOLEAN: synchronisation error (the missed-event counter exceeded its limit).</summary>
    public const byte SyncError = 0x20;

    /// <summary>Sync mode value: free run.</summary>
    public const ushort FreeRun = 0;

    /// <summary>Sync mode value: synchronous with the SM event (frame arrival).</summary>
    public const ushort SmSynchronous = 1;

    /// <summary>Sync mode value: DC, outputs and inputs taken at SYNC0.</summary>
    public const ushort DcSync0 = 2;
}
