namespace Controller.Pipeline.Tests.Support;

/// <summary>
/// A unique file path for a shared pipeline region: under /dev/shm when it exists (RAM-backed, as in
/// production), otherwise the temp directory. Disposing deletes the file if anything is left there.
/// </summary>
public sealed class SharedPath : IDisposable
{
    public SharedPath(string tag)
    {
        string directory = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        Value = Path.Combine(directory, $"ctlpipe-test-{Environment.ProcessId}-{tag}-{Guid.NewGuid():N}");
    }

    public string Value { get; }

    public static implicit operator string(SharedPath path) => path.Value;

    public override string ToString() => Value;

    public void Dispose()
    {
        try
        {
            File.Delete(Value);
        }
        catch (IOException)
        {
            // Best effort: a test failure must not be hidden by cleanup.
        }
    }
}
