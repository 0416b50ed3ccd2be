using Controller.Cerebellum.Loop;

namespace Controller.Cerebellum.Tests.Loop;

/// <summary>An allocation-free struct body: the JIT specialises the loop for it, as it will for the real cerebellum.</summary>
internal struct CountingBody : ICycleBody
{
    public long Reads, Updates, Writes, LastNowNs;

    public void Read(in CycleTime time) => Reads++;

    public void Update(in CycleTime time)
    {
        Updates++;
        LastNowNs = time.NowNs;
    }

    public void Write(in CycleTime time) => Writes++;
}
