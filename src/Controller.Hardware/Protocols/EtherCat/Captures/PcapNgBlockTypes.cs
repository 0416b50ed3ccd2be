namespace Controller.Hardware.Protocols.EtherCat.Captures;

/// <summary>Block type codes of the pcapng format (IETF draft-ietf-opsawg-pcapng, §4 and §11.1).</summary>
public static class PcapNgBlockTypes
{
    /// <summary>Section Header Block; its type is a byte palindrome so it reads the same in either endianness.</summary>
    public const uint SectionHeader = 0x0A0D0D0A;

    /// <summary>Interface Description Block.</summary>
    public const uint InterfaceDescription = 0x00000001;

    /// <summary>Simple Packet Block (skipped: it carries no interface id or timestamp).</summary>
    public const uint SimplePacket = 0x00000003;

    /// <summary>Name Resolution Block (skipped).</summary>
    public const uint NameResolution = 0x00000004;

    /// <summary>Interface Statistics Block (skipped).</summary>
    public const uint InterfaceStatistics = 0x00000005;

    /// <summary>Enhanced Packet Block.</summary>
    public const uint EnhancedPacket = 0x00000006;

    /// <summary>A short name for messages.</summary>
    public static string Name(uint type) => type switch
    {
        SectionHeader => "SHB",
        InterfaceDescription => "IDB",
        SimplePacket => "SPB",
        NameResolution => "NRB",
        InterfaceStatistics => "ISB",
        EnhancedPacket => "EPB",
        0 => "header",
        _ => "other",
    };
}
