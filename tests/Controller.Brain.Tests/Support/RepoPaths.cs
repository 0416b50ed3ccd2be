namespace Controller.Brain.Tests.Support;

/// <summary>Files of the repository the tests read (models/, hardware/).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Models => Path.Combine(Root, "models");

    public static string Model(string file) => Path.Combine(Models, file);

    public static string SimArm6Urdf => Path.Combine(Root, "hardware", "sim-arm6", "sim_arm6.urdf");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Controller.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Controller.sln above {AppContext.BaseDirectory}.");
    }
}
