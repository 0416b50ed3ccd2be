namespace Controller.Hardware.Tests.Transports.Ethernet;

/// <summary>A fresh network namespace holding one veth pair, both ends up; deleting the namespace removes the pair.</summary>
internal sealed class VethNamespace : IDisposable
{
    public string Namespace { get; }
    public string EndA { get; }
    public string EndB { get; }

    public VethNamespace()
    {
        string id = $"{Environment.ProcessId % 100000}{Random.Shared.Next(1000):D3}";
        Namespace = $"ecat-test-{id}";
        EndA = $"eca{id}";
        EndB = $"ecb{id}";
        RootFactAttribute.Ip($"netns add {Namespace}");
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

    public void Dispose() => RootFactAttribute.Ip($"netns del {Namespace}");
}
