namespace Controller.Cli.Tests.EtherCat;

/// <summary>The real EEPROM images kept with the hardware tests (found by walking up to the repository root).</summary>
internal static class EtherCatTestFiles
{
    public static string Eeprom(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Controller.Hardware.Tests", "Data", "EtherCat", "eeprom", file);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"tests/Controller.Hardware.Tests/Data/EtherCat/eeprom/{file} not found above {AppContext.BaseDirectory}");
    }
}
