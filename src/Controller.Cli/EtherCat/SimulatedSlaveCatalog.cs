using System.Reflection;
using Controller.Hardware.Protocols.EtherCat.Sii;
using Controller.Hardware.Simulation.EtherCat;

namespace Controller.Cli.EtherCat;

/// <summary>
/// The slaves <c>robotctl sim ethercat --slaves</c> can build: Beckhoff terminals from the real SII EEPROM dumps in
/// <c>EtherCat/Eeprom</c> (embedded), and <c>coe</c>, a synthetic CoE slave with a small object dictionary for SDO tools.
/// </summary>
public static class SimulatedSlaveCatalog
{
    private const string ResourcePrefix = "ethercat-eeprom/";

    /// <summary>Names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ek1100", "el2004", "el2262", "el2828", "el2889", "coe"];

    /// <summary>The embedded real EEPROM image of a terminal (e.g. "el2004"), or null when there is none.</summary>
    public static byte[]? Eeprom(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name.ToLowerInvariant() + ".bin");
        if (stream is null)
            return null;
        var image = new byte[stream.Length];
        stream.ReadExactly(image);
        return image;
    }

    /// <summary>Builds one slave by name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the known ones.</exception>
    public static SimulatedSlave Create(string name)
    {
        string key = name.Trim().ToLowerInvariant();
        if (key == "coe")
            return CoeSlave();
        var image = Names.Contains(key) ? Eeprom(key) : null;
        if (image is null)
            throw new ArgumentException($"unknown simulated slave '{name}'; known: {string.Join(", ", Names)}", nameof(name));
        return new SimulatedSlave(image);
    }

    /// <summary>A CoE slave (synthetic SII, 128-byte mailbox at 0x1000/0x1080) with device type, name, identity and a writable 0x2000:01..02.</summary>
    public static SimulatedSlave CoeSlave()
    {
        var identity = new SlaveIdentity(0x00000ABC, 0x00001234, 0x00010000, 42);
        var sii = new SiiImageBuilder
        {
            Identity = identity,
            StandardMailbox = new SiiMailbox(0x1000, 128, 0x1080, 128),
            MailboxProtocols = MailboxProtocols.CoE,
            OrderNumber = "SIM-COE",
            Name = "Simulated CoE slave",
            GroupName = "Simulation",
            CoeDetails = 0x01,
            SyncManagers =
            [
                new SiiSyncManager(0x1000, 128, 0x26, 0, 1, SyncManagerType.MailboxOut),
                new SiiSyncManager(0x1080, 128, 0x22, 0, 1, SyncManagerType.MailboxIn),
            ],
        }.Build();
        var od = new CoeObjectDictionary();
        od.Add(0x1000, 0, BitConverter.GetBytes(0x00000000u), CoeAccess.ReadOnly);
        od.Add(0x1008, 0, "Simulated CoE slave"u8, CoeAccess.ReadOnly, variableSize: true);
        od.Add(0x1009, 0, "1.0"u8, CoeAccess.ReadOnly, variableSize: true);
        od.Add(0x1018, 0, [4], CoeAccess.ReadOnly);
        od.Add(0x1018, 1, BitConverter.GetBytes(identity.VendorId), CoeAccess.ReadOnly);
        od.Add(0x1018, 2, BitConverter.GetBytes(identity.ProductCode), CoeAccess.ReadOnly);
        od.Add(0x1018, 3, BitConverter.GetBytes(identity.RevisionNumber), CoeAccess.ReadOnly);
        od.Add(0x1018, 4, BitConverter.GetBytes(identity.SerialNumber), CoeAccess.ReadOnly);
        od.Add(0x2000, 0, [2], CoeAccess.ReadOnly);
        od.Add(0x2000, 1, [0, 0, 0, 0]);
        od.Add(0x2000, 2, [0, 0]);
        return new SimulatedSlave(sii, od);
    }
}
