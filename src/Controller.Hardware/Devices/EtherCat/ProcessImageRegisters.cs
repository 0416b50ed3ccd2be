using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>Writes a slave's process-data SM and FMMU registers from its <see cref="SlaveProcessImage"/> (in PRE-OP, before requesting SAFE-OP).</summary>
public static class ProcessImageRegisters
{
    /// <summary>
    /// The 8 SM register bytes (ETG.1000.4 §6.7): start (u16), length (u16), control from the SII, status 0, activate
    /// (bit 0 when the SM carries data, so an empty SM stays off), PDI control 0.
    /// </summary>
    public static void EncodeSyncManager(SyncManagerAssignment sm, Span<byte> registers)
    {
        registers[..8].Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(registers, sm.StartAddress);
        BinaryPrimitives.WriteUInt16LittleEndian(registers[2..], sm.LengthBytes);
        registers[4] = sm.Control;
        registers[6] = sm.LengthBytes > 0 ? (byte)0x01 : (byte)0x00;
    }

    /// <summary>Writes every process-data SM and FMMU of <paramref name="slave"/>.</summary>
    /// <exception cref="EtherCatException">A write was not acknowledged (the ESC lacks that SM or FMMU, or the slave is gone).</exception>
    public static void Write(EtherCatPort port, SlaveProcessImage slave)
    {
        Span<byte> buffer = stackalloc byte[EscRegister.FmmuBytes];
        foreach (var sm in slave.SyncManagers)
        {
            EncodeSyncManager(sm, buffer);
            SiiEepromReader.Check(port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(slave.StationAddress, EscRegister.SyncManager(sm.SyncManager)),
                buffer[..EscRegister.SyncManagerBytes], 1), slave.StationAddress, $"configure process-data SM{sm.SyncManager}");
        }
        foreach (var fmmu in slave.Fmmus)
        {
            fmmu.Encode(buffer);
            SiiEepromReader.Check(port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(slave.StationAddress, EscRegister.Fmmu(fmmu.Fmmu)), buffer, 1),
                slave.StationAddress, $"configure FMMU{fmmu.Fmmu}");
        }
    }
}
