namespace Controller.Hardware.Tests.Transports.Ethernet;

/// <summary>
/// A fresh network namespace holding one veth pair, both ends up; deleting the namespace removes the pair.
/// Set ECAT_TEST_NETNS to an existing namespace holding a veth pair named ecat-a / ecat-b to run the tests
/// there instead (and watch them with `ip netns exec NS tshark -i ecat-a`); that namespace is left in place.
/// </summary>
internal sealed class VethNamespace : IDisposable
{
    private readonly bool _owned;

    public string Namespace { get; }
    public string EndA { get; }
    public string EndB { get; }

    public VethNamespace()
    {
        string? existing = Environment.GetEnvironmentVariable("ECAT_TEST_NETNS");
        if (!string.IsNullOrEmpty(existing))
        {
            (Namespace, EndA, EndB) = (existing, "ecat-a", "ecat-b");
            return;
        }
        string id = $"{Environment.ProcessId % 100000}{Random.Shared.Next(1000):D3}";
        Namespace = $"ecat-test-{id}";
        EndA = $"eca{id}";
        EndB = $"ecb{id}";
        RootFactAttribute.Ip($"netns add {Namespace}");
        _owned = true;
        try
        {
            RootFactAttribute.Ip($"-n {Namespace} link add {EndA} type veth peer name {EndB}");
            RootFactAttribute.Ip($"-n {Namespace} link set {EndA} up");
            RootFactAttribute.Ip($"-n {Namespace} link set {EndB} up");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_owned)
            RootFactAttribute.Ip($"netns del {Namespace}");
    }
}
