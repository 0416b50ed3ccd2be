namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>The General category (type 30, ETG.1000.6 §5.4 "Category General"), names resolved through the strings.</summary>
/// <param name="GroupName">String at GroupIdx (byte 0), e.g. "DigOut"; empty when the index is 0.</param>
/// <param name="ImageName">String at ImgIdx (byte 1).</param>
/// <param name="OrderNumber">String at OrderIdx (byte 2), e.g. "EL2004"; what SOEM's slaveinfo prints as the name.</param>
/// <param name="Name">String at NameIdx (byte 3), the long device name.</param>
/// <param name="CoeDetails">Byte 5: CoE feature bits (bit 0 SDO, 1 SDO information, 2 PDO assign, 3 PDO configuration, 4 upload at start-up, 5 SDO complete access).</param>
/// <param name="FoeDetails">Byte 6: bit 0 FoE supported.</param>
/// <param name="EoeDetails">Byte 7: bit 0 EoE supported.</param>
/// <param name="SoeChannels">Byte 8.</param>
/// <param name="Ds402Channels">Byte 9.</param>
/// <param name="SysmanClass">Byte 10.</param>
/// <param name="Flags">Byte 11: bit 0 enable SafeOp, 1 enable not-LRW, 2 mailbox data link layer, 3 identity in AL status code, 4 physical memory.</param>
/// <param name="EbusCurrentA">Bytes 12..13: signed current drawn from the E-bus (negative: fed into it), in amperes (the EEPROM holds mA).</param>
/// <param name="PhysicalPorts">Bytes 16..17: one nibble per port 0..3 (0 none, 1 MII, 3 E-bus, 4 fast hot connect); 0 when the category is short.</param>
/// <param name="PhysicalMemoryAddress">Bytes 18..19; 0 when the category is short.</param>
public sealed record SiiGeneral(
    string GroupName, string ImageName, string OrderNumber, string Name,
    byte CoeDetails, byte FoeDetails, byte EoeDetails, byte SoeChannels, byte Ds402Channels, byte SysmanClass, byte Flags,
    double EbusCurrentA, ushort PhysicalPorts, ushort PhysicalMemoryAddress)
{
    /// <summary>The physical layer of port <paramref name="port"/> (0..3) as its nibble value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">port is outside 0..3.</exception>
    public int PortType(int port) => port is >= 0 and <= 3
        ? (PhysicalPorts >> (4 * port)) & 0xF
        : throw new ArgumentOutOfRangeException(nameof(port), port, "ESC ports are 0..3");
}
