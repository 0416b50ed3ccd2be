namespace Controller.Hardware.Protocols.EtherCat.Esc;

/// <summary>
/// ESC register addresses (the ADO of physical datagrams), from ETG.1000.4 §6 and the Beckhoff "EtherCAT
/// Slave Controller — Register Description" (section II of the ESC datasheets). Sizes in bytes in the docs.
/// </summary>
public static class EscRegister
{
    /// <summary>Type of the ESC (1 byte).</summary>
    public const ushort Type = 0x0000;
    /// <summary>Revision (1 byte).</summary>
    public const ushort Revision = 0x0001;
    /// <summary>Build (2 bytes).</summary>
    public const ushort Build = 0x0002;
    /// <summary>Number of FMMUs supported (1 byte).</summary>
    public const ushort FmmuCount = 0x0004;
    /// <summary>Number of sync managers supported (1 byte).</summary>
    public const ushort SyncManagerCount = 0x0005;
    /// <summary>Process data RAM size in KiB (1 byte).</summary>
    public const ushort RamSize = 0x0006;
    /// <summary>Port descriptor, 2 bits per port (1 byte).</summary>
    public const ushort PortDescriptor = 0x0007;
    /// <summary>ESC features supported (2 bytes): bit 2 DC, bit 3 64-bit DC, ...</summary>
    public const ushort Features = 0x0008;
    /// <summary>Configured station address (2 bytes), used by FPxx commands.</summary>
    public const ushort ConfiguredStationAddress = 0x0010;
    /// <summary>Configured station alias (2 bytes), loaded from SII word 4.</summary>
    public const ushort ConfiguredStationAlias = 0x0012;
    /// <summary>Write register enable (1 byte).</summary>
    public const ushort WriteEnable = 0x0020;
    /// <summary>Write register protection (1 byte).</summary>
    public const ushort WriteProtection = 0x0021;
    /// <summary>ESC reset ECAT (1 byte).</summary>
    public const ushort EscResetEcat = 0x0040;
    /// <summary>DL control (4 bytes): forwarding rule, loop control per port.</summary>
    public const ushort DlControl = 0x0100;
    /// <summary>Physical read/write offset (2 bytes).</summary>
    public const ushort PhysicalReadWriteOffset = 0x0108;
    /// <summary>DL status (2 bytes): link and loop state per port.</summary>
    public const ushort DlStatus = 0x0110;
    /// <summary>AL control (2 bytes): requested state, error acknowledge.</summary>
    public const ushort AlControl = 0x0120;
    /// <summary>AL status (2 bytes): current state, error indicator.</summary>
    public const ushort AlStatus = 0x0130;
    /// <summary>AL status code (2 bytes): why the error indicator is set.</summary>
    public const ushort AlStatusCode = 0x0134;
    /// <summary>PDI control (1 byte).</summary>
    public const ushort PdiControl = 0x0140;
    /// <summary>ESC configuration (1 byte).</summary>
    public const ushort EscConfiguration = 0x0141;
    /// <summary>PDI configuration (1 byte).</summary>
    public const ushort PdiConfiguration = 0x0150;
    /// <summary>ECAT event mask (2 bytes): which events appear in the datagram IRQ field.</summary>
    public const ushort EcatEventMask = 0x0200;
    /// <summary>AL event mask (4 bytes).</summary>
    public const ushort AlEventMask = 0x0204;
    /// <summary>ECAT event request (2 bytes).</summary>
    public const ushort EcatEventRequest = 0x0210;
    /// <summary>AL event request (4 bytes).</summary>
    public const ushort AlEventRequest = 0x0220;
    /// <summary>RX error counters, 2 bytes per port (8 bytes).</summary>
    public const ushort RxErrorCounter = 0x0300;
    /// <summary>Forwarded RX error counters, 1 byte per port (4 bytes).</summary>
    public const ushort ForwardedRxErrorCounter = 0x0308;
    /// <summary>ECAT processing unit error counter (1 byte).</summary>
    public const ushort ProcessingUnitErrorCounter = 0x030C;
    /// <summary>PDI error counter (1 byte).</summary>
    public const ushort PdiErrorCounter = 0x030D;
    /// <summary>Lost link counters, 1 byte per port (4 bytes).</summary>
    public const ushort LostLinkCounter = 0x0310;
    /// <summary>Watchdog divider (2 bytes).</summary>
    public const ushort WatchdogDivider = 0x0400;
    /// <summary>Watchdog time PDI (2 bytes).</summary>
    public const ushort WatchdogTimePdi = 0x0410;
    /// <summary>Watchdog time process data (2 bytes).</summary>
    public const ushort WatchdogTimeProcessData = 0x0420;
    /// <summary>Watchdog status process data (2 bytes).</summary>
    public const ushort WatchdogStatusProcessData = 0x0440;
    /// <summary>Watchdog counter process data (1 byte).</summary>
    public const ushort WatchdogCounterProcessData = 0x0442;
    /// <summary>Watchdog counter PDI (1 byte).</summary>
    public const ushort WatchdogCounterPdi = 0x0443;
    /// <summary>SII EEPROM configuration (1 byte): who owns the EEPROM interface.</summary>
    public const ushort SiiConfiguration = 0x0500;
    /// <summary>SII EEPROM PDI access state (1 byte).</summary>
    public const ushort SiiPdiAccess = 0x0501;
    /// <summary>SII EEPROM control/status (2 bytes): command bits 8..10, busy bit 15, error bits.</summary>
    public const ushort SiiControlStatus = 0x0502;
    /// <summary>SII EEPROM word address (4 bytes).</summary>
    public const ushort SiiAddress = 0x0504;
    /// <summary>SII EEPROM data (4 or 8 bytes read per access).</summary>
    public const ushort SiiData = 0x0508;
    /// <summary>MII management control/status (2 bytes).</summary>
    public const ushort MiiControlStatus = 0x0510;
    /// <summary>First FMMU; FMMU n is at <see cref="Fmmu"/>(n), 16 bytes each.</summary>
    public const ushort Fmmu0 = 0x0600;
    /// <summary>Bytes per FMMU register block.</summary>
    public const int FmmuBytes = 16;
    /// <summary>First sync manager; SM n is at <see cref="SyncManager"/>(n), 8 bytes each.</summary>
    public const ushort SyncManager0 = 0x0800;
    /// <summary>Bytes per sync manager register block.</summary>
    public const int SyncManagerBytes = 8;
    /// <summary>DC receive time of port 0 (4 bytes); a write latches the receive times of all ports.</summary>
    public const ushort DcReceiveTimePort0 = 0x0900;
    /// <summary>DC receive time of port 1 (4 bytes).</summary>
    public const ushort DcReceiveTimePort1 = 0x0904;
    /// <summary>DC receive time of port 2 (4 bytes).</summary>
    public const ushort DcReceiveTimePort2 = 0x0908;
    /// <summary>DC receive time of port 3 (4 bytes).</summary>
    public const ushort DcReceiveTimePort3 = 0x090C;
    /// <summary>DC system time (8 bytes): read local copy; write (FRMW/ARMW) feeds the drift control loop.</summary>
    public const ushort DcSystemTime = 0x0910;
    /// <summary>DC receive time of the ECAT processing unit (8 bytes).</summary>
    public const ushort DcReceiveTimeProcessingUnit = 0x0918;
    /// <summary>DC system time offset (8 bytes).</summary>
    public const ushort DcSystemTimeOffset = 0x0920;
    /// <summary>DC system time delay (4 bytes): propagation delay from the reference clock.</summary>
    public const ushort DcSystemTimeDelay = 0x0928;
    /// <summary>DC system time difference (4 bytes): sign bit 31, magnitude in ns.</summary>
    public const ushort DcSystemTimeDifference = 0x092C;
    /// <summary>DC speed counter start (2 bytes).</summary>
    public const ushort DcSpeedCounterStart = 0x0930;
    /// <summary>DC speed counter difference (2 bytes).</summary>
    public const ushort DcSpeedCounterDifference = 0x0932;
    /// <summary>DC system time difference filter depth (1 byte).</summary>
    public const ushort DcSystemTimeDifferenceFilterDepth = 0x0934;
    /// <summary>DC speed counter filter depth (1 byte).</summary>
    public const ushort DcSpeedCounterFilterDepth = 0x0935;
    /// <summary>DC cyclic unit control (1 byte).</summary>
    public const ushort DcCyclicUnitControl = 0x0980;
    /// <summary>DC activation (1 byte): bit 0 cyclic operation, bit 1 SYNC0, bit 2 SYNC1.</summary>
    public const ushort DcActivation = 0x0981;
    /// <summary>DC SYNC impulse length (2 bytes, units of 10 ns).</summary>
    public const ushort DcSyncImpulseLength = 0x0982;
    /// <summary>DC activation status (1 byte).</summary>
    public const ushort DcActivationStatus = 0x0984;
    /// <summary>DC SYNC0 status (1 byte).</summary>
    public const ushort DcSync0Status = 0x098E;
    /// <summary>DC SYNC1 status (1 byte).</summary>
    public const ushort DcSync1Status = 0x098F;
    /// <summary>DC start time of cyclic operation (8 bytes).</summary>
    public const ushort DcStartTimeCyclic = 0x0990;
    /// <summary>DC next SYNC1 pulse (8 bytes).</summary>
    public const ushort DcNextSync1Pulse = 0x0998;
    /// <summary>DC SYNC0 cycle time in ns (4 bytes).</summary>
    public const ushort DcSync0CycleTime = 0x09A0;
    /// <summary>DC SYNC1 cycle time in ns (4 bytes).</summary>
    public const ushort DcSync1CycleTime = 0x09A4;
    /// <summary>DC latch 0 control (1 byte).</summary>
    public const ushort DcLatch0Control = 0x09A8;
    /// <summary>DC latch 1 control (1 byte).</summary>
    public const ushort DcLatch1Control = 0x09A9;
    /// <summary>DC latch 0 status (1 byte).</summary>
    public const ushort DcLatch0Status = 0x09AE;
    /// <summary>DC latch 1 status (1 byte).</summary>
    public const ushort DcLatch1Status = 0x09AF;
    /// <summary>Start of process data RAM (mailboxes and process data buffers live from here).</summary>
    public const ushort ProcessDataRam = 0x1000;

    /// <summary>Register block of FMMU <paramref name="index"/> (0..15).</summary>
    /// <exception cref="ArgumentOutOfRangeException">index is outside 0..15.</exception>
    public static ushort Fmmu(int index) => index is >= 0 and < 16
        ? (ushort)(Fmmu0 + FmmuBytes * index)
        : throw new ArgumentOutOfRangeException(nameof(index), index, "ESCs have at most 16 FMMUs (0..15)");

    /// <summary>Register block of sync manager <paramref name="index"/> (0..15).</summary>
    /// <exception cref="ArgumentOutOfRangeException">index is outside 0..15.</exception>
    public static ushort SyncManager(int index) => index is >= 0 and < 16
        ? (ushort)(SyncManager0 + SyncManagerBytes * index)
        : throw new ArgumentOutOfRangeException(nameof(index), index, "ESCs have at most 16 sync managers (0..15)");
}
