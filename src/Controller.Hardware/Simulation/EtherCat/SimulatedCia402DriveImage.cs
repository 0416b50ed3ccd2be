using System.Buffers.Binary;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.EtherCat.Sii;

namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>
/// The SII image and CoE object dictionary of <see cref="SimulatedCia402Drive"/>: a CoE servo with a 128-byte mailbox
/// at 0x1000/0x1080, outputs on SM2 at 0x1100, inputs on SM3 at 0x1180, four RxPDO (0x1600..) and four TxPDO
/// (0x1A00..) mapping objects of 8 entries, assignments 0x1C12/0x1C13, and the CiA 402 drive objects.
/// The default mapping is deliberately small (controlword + target position; statusword + actual position), so a
/// master that wants more must configure it over CoE, as with real drives.
/// </summary>
public static class SimulatedCia402DriveImage
{
    /// <summary>Outputs SM buffer.</summary>
    public const ushort OutputsAddress = 0x1100;

    /// <summary>Inputs SM buffer.</summary>
    public const ushort InputsAddress = 0x1180;

    /// <summary>The shortest cycle the drive accepts (0x1C32:05), ns.</summary>
    public const uint MinimumCycleTimeNs = 125_000;

    /// <summary>Entries per mapping object.</summary>
    public const int MaxEntriesPerPdo = 8;

    /// <summary>Default RxPDO 0x1600: controlword, target position.</summary>
    public static readonly (ushort Index, byte SubIndex, byte Bits)[] DefaultRxPdo = [(Cia402Objects.Controlword, 0, 16), (Cia402Objects.TargetPosition, 0, 32)];

    /// <summary>Default TxPDO 0x1A00: statusword, position actual value.</summary>
    public static readonly (ushort Index, byte SubIndex, byte Bits)[] DefaultTxPdo = [(Cia402Objects.Statusword, 0, 16), (Cia402Objects.PositionActualValue, 0, 32)];

    /// <summary>The SII image (identity vendor 0, product 0x402, revision 1, the given serial number).</summary>
    public static byte[] BuildSii(uint serialNumber) => new SiiImageBuilder
    {
        Identity = new SlaveIdentity(0x00000000, 0x00000402, 0x00010000, serialNumber),
        StandardMailbox = new SiiMailbox(0x1000, 128, 0x1080, 128),
        MailboxProtocols = MailboxProtocols.CoE,
        OrderNumber = "SIM-CIA402",
        Name = "Simulated CiA 402 servo drive",
        GroupName = "Drives",
        CoeDetails = 0x0D, // SDO, PDO assign, PDO configuration
        Fmmus = [SiiFmmuUsage.Outputs, SiiFmmuUsage.Inputs, SiiFmmuUsage.SyncManagerStatus],
        SyncManagers =
        [
            new SiiSyncManager(0x1000, 128, 0x26, 0, 1, SyncManagerType.MailboxOut),
            new SiiSyncManager(0x1080, 128, 0x22, 0, 1, SyncManagerType.MailboxIn),
            new SiiSyncManager(OutputsAddress, 0, 0x64, 0, 1, SyncManagerType.Outputs),
            new SiiSyncManager(InputsAddress, 0, 0x20, 0, 1, SyncManagerType.Inputs),
        ],
        RxPdos = [Pdo(0x1600, 2, "Outputs", DefaultRxPdo)],
        TxPdos = [Pdo(0x1A00, 3, "Inputs", DefaultTxPdo)],
    }.Build();

    /// <summary>A fresh object dictionary with the default mapping.</summary>
    public static CoeObjectDictionary BuildDictionary(uint serialNumber, Cia402Scaling scaling)
    {
        var od = new CoeObjectDictionary();
        od.Add(0x1000, 0, U32(0x0002_0192), CoeAccess.ReadOnly); // CiA 402 servo drive
        od.Add(0x1008, 0, "Simulated CiA 402 servo drive"u8, CoeAccess.ReadOnly, variableSize: true);
        od.Add(0x1018, 0, [4], CoeAccess.ReadOnly);
        od.Add(0x1018, 1, U32(0), CoeAccess.ReadOnly);
        od.Add(0x1018, 2, U32(0x402), CoeAccess.ReadOnly);
        od.Add(0x1018, 3, U32(0x0001_0000), CoeAccess.ReadOnly);
        od.Add(0x1018, 4, U32(serialNumber), CoeAccess.ReadOnly);
        foreach (var (index, size, writable) in new (ushort, int, bool)[]
        {
            (Cia402Objects.ErrorCode, 2, false), (Cia402Objects.Controlword, 2, true), (Cia402Objects.Statusword, 2, false),
            (Cia402Objects.ModesOfOperation, 1, true), (Cia402Objects.ModesOfOperationDisplay, 1, false),
            (Cia402Objects.PositionActualValue, 4, false), (Cia402Objects.FollowingErrorWindow, 4, true),
            (Cia402Objects.VelocityActualValue, 4, false), (Cia402Objects.TargetTorque, 2, true), (Cia402Objects.MaxTorque, 2, true),
            (Cia402Objects.MotorRatedTorque, 4, true), (Cia402Objects.TorqueActualValue, 2, false), (Cia402Objects.TargetPosition, 4, true),
            (Cia402Objects.TargetVelocity, 4, true), (Cia402Objects.FollowingErrorActualValue, 4, false), (Cia402Objects.TorqueOffset, 2, true),
        })
        {
            od.Add(index, 0, new byte[size], writable ? CoeAccess.ReadWrite : CoeAccess.ReadOnly);
        }
        od.Set(Cia402Objects.MaxTorque, 0, [0xB8, 0x0B]); // 3000 per mille
        od.Set(Cia402Objects.MotorRatedTorque, 0, U32((uint)Math.Round(scaling.RatedTorqueNm * 1000)));
        for (int n = 0; n < 4; n++)
        {
            AddMapping(od, (ushort)(0x1600 + n), n == 0 ? DefaultRxPdo : []);
            AddMapping(od, (ushort)(0x1A00 + n), n == 0 ? DefaultTxPdo : []);
        }
        AddAssignment(od, 0x1C12, 0x1600);
        AddAssignment(od, 0x1C13, 0x1A00);
        AddSyncManagerParameters(od, SyncManagerParameters.Outputs);
        AddSyncManagerParameters(od, SyncManagerParameters.Inputs);
        return od;
    }

    private static void AddMapping(CoeObjectDictionary od, ushort index, (ushort Index, byte SubIndex, byte Bits)[] entries)
    {
        od.Add(index, 0, [(byte)entries.Length]);
        for (int e = 0; e < MaxEntriesPerPdo; e++)
        {
            uint value = e < entries.Length ? (uint)entries[e].Index << 16 | (uint)entries[e].SubIndex << 8 | entries[e].Bits : 0;
            od.Add(index, (byte)(e + 1), U32(value));
        }
    }

    /// <summary>0x1C32/0x1C33 (ETG.1020): sync mode (default 1, SM-synchronous: outputs taken when the frame arrives), cycle time, supported modes, counters.</summary>
    private static void AddSyncManagerParameters(CoeObjectDictionary od, ushort index)
    {
        od.Add(index, 0, [SyncManagerParameters.SyncError], CoeAccess.ReadOnly);
        od.Add(index, SyncManagerParameters.SyncMode, [(byte)SyncManagerParameters.SmSynchronous, 0]);
        od.Add(index, SyncManagerParameters.CycleTime, U32(1_000_000));
        od.Add(index, SyncManagerParameters.SyncModesSupported, [0x07, 0x00], CoeAccess.ReadOnly); // free run, SM, DC SYNC0
        od.Add(index, SyncManagerParameters.MinimumCycleTime, U32(MinimumCycleTimeNs), CoeAccess.ReadOnly);
        od.Add(index, SyncManagerParameters.SmEventMissedCounter, [0, 0], CoeAccess.ReadOnly);
        od.Add(index, SyncManagerParameters.SyncError, [0], CoeAccess.ReadOnly);
    }

    private static void AddAssignment(CoeObjectDictionary od, ushort index, ushort pdo)
    {
        od.Add(index, 0, [1]);
        for (int k = 1; k <= 4; k++)
            od.Add(index, (byte)k, k == 1 ? [(byte)pdo, (byte)(pdo >> 8)] : [0, 0]);
    }

    private static SiiPdo Pdo(ushort index, byte sm, string name, (ushort Index, byte SubIndex, byte Bits)[] entries) =>
        new(index, sm, 0, name, 0, entries.Select(e => new SiiPdoEntry(e.Index, e.SubIndex, $"0x{e.Index:X4}", e.Bits == 16 ? (byte)6 : (byte)7, e.Bits, 0)).ToArray());

    private static byte[] U32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return b;
    }
}
