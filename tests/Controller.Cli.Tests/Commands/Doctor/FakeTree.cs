namespace Controller.Cli.Tests.Commands.Doctor;

/// <summary>A throwaway directory standing in for /proc or /sys; files are created with their parents.</summary>
internal sealed class FakeTree : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("doctor-tree-").FullName;

    public FakeTree With(string relativePath, string text)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public void Dispose() => Directory.Delete(Root, true);
}
