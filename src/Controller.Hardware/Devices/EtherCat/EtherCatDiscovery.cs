using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Protocols.EtherCat.Sii;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// Finds the slaves of a segment the way ethercrab's capture shows a master doing it: count them with a
/// broadcast read (each slave adds 1 to the working counter), reset every AL to INIT, give each a station
/// address by auto-increment position, then read and parse every SII EEPROM.
/// </summary>
public static class EtherCatDiscovery
{
    /// <summary>Conventional first station address (ethercrab and TwinCAT start at 0x1000 / 1001).</summary>
    public const ushort DefaultFirstStationAddress = 0x1000;

    /// <summary>Counts slaves: the working counter of a BRD of register 0x0000.</summary>
    /// <exception cref="EtherCatException">Nothing answered at all (no frame came back).</exception>
    public static int CountSlaves(EtherCatPort port)
    {
        Span<byte> type = stackalloc byte[1];
        var status = port.ExchangeCounting(EtherCatCommand.Brd, EtherCatAddress.Physical(0, EscRegister.Type), type, out ushort count);
        if (status != ExchangeStatus.Ok)
            throw new EtherCatException(0, $"broadcast read of the ESC type register got no frame back: {status} (cable, interface or link down?)");
        return count;
    }

    /// <summary>Discovers, addresses and identifies every slave.</summary>
    /// <exception cref="EtherCatException">A step failed; the message names the slave and the step.</exception>
    public static IReadOnlyList<DiscoveredSlave> Discover(EtherCatPort port, ushort firstStationAddress = DefaultFirstStationAddress)
    {
        int count = CountSlaves(port);
        if (firstStationAddress == 0 || firstStationAddress + count > 0xFFFF)
            throw new ArgumentOutOfRangeException(nameof(firstStationAddress), firstStationAddress, $"station addresses for {count} slaves must fit 1..0xFFFF");
        Span<byte> word = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(word, AlControl.Request(AlState.Init, acknowledgeError: true));
        var reset = port.ExchangeCounting(EtherCatCommand.Bwr, EtherCatAddress.Physical(0, EscRegister.AlControl), word, out ushort resetCount);
        if (reset != ExchangeStatus.Ok || resetCount != count)
            throw new EtherCatException(0, $"INIT request reached {resetCount} of {count} slaves ({reset})");

        var slaves = new List<DiscoveredSlave>(count);
        for (int position = 0; position < count; position++)
        {
            ushort station = (ushort)(firstStationAddress + position);
            BinaryPrimitives.WriteUInt16LittleEndian(word, station);
            SiiEepromReader.Check(port.Exchange(EtherCatCommand.Apwr, EtherCatAddress.AutoIncrement(position, EscRegister.ConfiguredStationAddress), word, 1),
                station, $"assign station address to position {position}");
        }
        for (int position = 0; position < count; position++)
        {
            ushort station = (ushort)(firstStationAddress + position);
            SiiImage sii;
            try
            {
                sii = SiiParser.Parse(SiiEepromReader.ReadImage(port, station));
            }
            catch (SiiFormatException ex)
            {
                throw new EtherCatException(station, $"slave 0x{station:X4} at position {position}: {ex.Message}");
            }
            slaves.Add(new DiscoveredSlave(position, station, sii, AlStateControl.Read(port, station).Status));
        }
        return slaves;
    }
}
