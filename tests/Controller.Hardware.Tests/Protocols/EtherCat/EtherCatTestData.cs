using Controller.Hardware.Protocols.EtherCat.Captures;

namespace Controller.Hardware.Tests.Protocols.EtherCat;

/// <summary>Paths and cached contents of the real-hardware files copied under Data/EtherCat (see its README).</summary>
internal static class EtherCatTestData
{
    public static readonly string[] Captures =
    [
        "replay-dc", "replay-ek1100-el2828-el2889", "replay-ek1914-el3004-configure", "replay-ek1914-el3004-mailbox",
        "replay-ek1914-segmented-upload", "soem-sdinfo-ek1100-el1004", "twincat-run-ek1100-el1004",
    ];

    public static readonly string[] Eeproms = ["ek1100-eeprom-dump.bin", "ek1100.hex", "el2004-eeprom-dump.bin", "el2262.bin", "el2828.hex", "el2889.hex"];

    private static readonly Dictionary<string, IReadOnlyList<PcapNgPacket>> Cache = [];

    public static string CapturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "EtherCat", "captures", name);

    public static string EepromPath(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "EtherCat", "eeprom", name);

    public static IReadOnlyList<PcapNgPacket> Packets(string capture)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(capture, out var packets))
                Cache[capture] = packets = PcapNgReader.ReadFile(CapturePath(capture + ".pcapng"));
            return packets;
        }
    }

    public static bool IsEtherCat(ReadOnlySpan<byte> frame) => frame.Length >= 14 && frame[12] == 0x88 && frame[13] == 0xA4;
}
