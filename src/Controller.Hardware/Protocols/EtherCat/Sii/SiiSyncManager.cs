namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>One 8-byte entry of the SyncM category (type 41); the values go to ESC registers 0x0800 + 8 n.</summary>
/// <param name="StartAddress">Physical start address in ESC memory.</param>
/// <param name="Length">Length in bytes (0 for process-data SMs whose size follows from the PDO mapping).</param>
/// <param name="Control">Control register value (mode, direction, interrupts, watchdog).</param>
/// <param name="Status">Status register value (normally 0).</param>
/// <param name="Enable">Bit 0 enable, bit 1 fixed content, bit 2 virtual, bit 3 enable in OP only.</param>
/// <param name="Type">What the SM is for.</param>
public readonly record struct SiiSyncManager(ushort StartAddress, ushort Length, byte Control, byte Status, byte Enable, SyncManagerType Type);
