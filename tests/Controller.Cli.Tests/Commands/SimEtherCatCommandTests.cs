using System.CommandLine;
using Controller.Cli.Tests.EtherCat;

namespace Controller.Cli.Tests.Commands;

/// <summary>`robotctl sim ethercat` on one end of a veth pair, `robotctl ethercat` on the other.</summary>
public sealed class SimEtherCatCommandTests
{
    [VethFact]
    public void SimEtherCat_OnVeth_OurMasterListsTheSlavesAndRoundTripsAnSdo()
    {
        using var veth = new VethPair();
        var simOutput = new LockedWriter();
        var sim = Task.Run(() => Program.CreateRootCommand()
            .Parse(["sim", "ethercat", "--if", veth.EndB, "--netns", veth.Namespace, "--slaves", "ek1100,el2004,coe", "--seconds", "6"])
            .Invoke(new InvocationConfiguration { Output = simOutput, Error = simOutput }));
        SpinWait.SpinUntil(() => simOutput.Text.Contains("listening on") || sim.IsCompleted, TimeSpan.FromSeconds(10));
        Assert.Contains($"listening on {veth.EndB}", simOutput.Text);

        var (code, output, error) = CliRunner.Run("ethercat", "slaves", "--if", veth.EndA, "--netns", veth.Namespace);
        Assert.True(code == 0, error);
        Assert.StartsWith($"3 slaves found on {veth.EndA} in netns {veth.Namespace}", output);
        Assert.Contains("Name: SIM-COE", output);

        (code, _, error) = CliRunner.Run("ethercat", "sdo", "write", "--if", veth.EndA, "--netns", veth.Namespace, "--slave", "2", "0x2000:01", "305419896");
        Assert.True(code == 0, error);
        (code, output, error) = CliRunner.Run("ethercat", "sdo", "read", "--if", veth.EndA, "--netns", veth.Namespace, "--slave", "2", "0x2000:01", "--type", "u32");
        Assert.True(code == 0, error);
        Assert.Equal("slave 2 0x2000:01 = 305419896", output.Trim());

        Assert.Equal(0, sim.Result);
        Assert.Matches(@"stopped \(6 s elapsed\): [1-9]\d* frames answered", simOutput.Text);
    }

    [Fact]
    public void SimEtherCat_UnknownSlave_ExitsNonZeroListingKnownNames()
    {
        var (code, _, error) = CliRunner.Run("sim", "ethercat", "--if", "lo", "--slaves", "ek1100,el9999");
        Assert.NotEqual(0, code);
        Assert.Contains("--slaves: 'el9999' is unknown; known: ek1100, el2004, el2262, el2828, el2889, coe", error);
    }

    [Fact]
    public void SimEtherCat_NoSuchInterface_ExitsOneNamingIt()
    {
        var (code, _, error) = CliRunner.Run("sim", "ethercat", "--if", "no-such-if0", "--seconds", "1");
        Assert.Equal(1, code);
        Assert.Contains("no-such-if0", error);
    }

    /// <summary>A writer another thread may read while the command writes.</summary>
    private sealed class LockedWriter : TextWriter
    {
        private readonly System.Text.StringBuilder _text = new();
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public string Text { get { lock (_text) return _text.ToString(); } }
        public override void Write(char value) { lock (_text) _text.Append(value); }
        public override void Write(string? value) { lock (_text) _text.Append(value); }
    }
}
