using System.Diagnostics;
using System.Text;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Hardware.Tests.Transports.Ethernet;
using Controller.Hardware.Transports.Ethernet;

namespace Controller.Hardware.Tests.Simulation.EtherCat;

/// <summary>A fact that needs the veth namespace (<see cref="RootFactAttribute"/>) and Wireshark's tshark on the PATH.</summary>
public sealed class RootTsharkFactAttribute : FactAttribute
{
    public RootTsharkFactAttribute()
    {
        Skip = new RootFactAttribute().Skip
            ?? (WiresharkDissectorTests.FindTshark() is null ? "needs Wireshark's tshark on the PATH (apt-get install tshark; .ci/run installs it)" : null);
    }
}

/// <summary>
/// Third-party check: everything our master and the simulated slaves put on a veth pair — discovery, SII reads, AL
/// control, CoE SDO mailbox traffic, DC set-up and cyclic FRMW+LRW frames — is captured with tshark and decoded by
/// Wireshark's EtherCAT dissector without a malformed-packet or expert-info flag, and the capture holds every frame.
/// </summary>
public class WiresharkDissectorTests
{
    internal static string? FindTshark() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "tshark")).FirstOrDefault(File.Exists);

    [RootTsharkFact]
    public void Capture_MasterAndSimulatedSlavesOverVeth_DissectorFindsNoMalformedOrExpertFlags()
    {
        using var veth = new VethNamespace();
        string capture = Path.Combine(Path.GetTempPath(), $"ecat-dissector-{Guid.NewGuid():N}.pcapng");
        using var tshark = StartCapture(veth, capture);
        long frames;
        try
        {
            frames = RunMaster(veth);
        }
        finally
        {
            StopCapture(tshark);
        }
        try
        {
            string flagged = Tshark($"-r {capture} -Y \"_ws.malformed || _ws.expert\"");
            Assert.True(flagged.Trim().Length == 0, $"Wireshark flagged frames:\n{flagged}");
            string commands = Tshark($"-r {capture} -Y ecat -T fields -e ecat.cmd");
            Assert.Equal(2 * frames, commands.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // each request and its reply
            foreach (string command in new[] { "0x07", "0x08", "0x04", "0x05", "0x0e", "0x0c" }) // BRD BWR FPRD FPWR FRMW LRW
                Assert.Contains(command, commands);
        }
        finally
        {
            File.Delete(capture);
        }
    }

    /// <summary>Discovery, SDO upload and download, DC, an EL2004 to OP and 200 cyclic frames; returns the frames the slaves answered.</summary>
    private static long RunMaster(VethNamespace veth)
    {
        using var masterSocket = RawEthernetSocket.Open(veth.EndA, networkNamespace: veth.Namespace);
        using var slaveSocket = RawEthernetSocket.Open(veth.EndB, networkNamespace: veth.Namespace);
        var (drive, _) = SimulatedBench.CoeSlave();
        var segment = new SimulatedSegment([
            new SimulatedSlave(SimulatedBench.Dump("ek1100-eeprom-dump.bin")), new SimulatedSlave(SimulatedBench.Dump("el2004-eeprom-dump.bin")), drive]);
        using (segment.Serve(slaveSocket))
        {
            var port = new EtherCatPort(masterSocket, new MacAddress(0x02_00_00_00_00_01), timeoutNs: 500_000_000);
            var slaves = EtherCatDiscovery.Discover(port);

            var client = new CoeMailboxClient(port, slaves[2].StationAddress, slaves[2].Sii.Header.StandardMailbox);
            client.ConfigureSyncManagers();
            AlStateControl.RequestState(port, slaves[2].StationAddress, AlState.PreOp);
            Assert.StartsWith("Simulated CoE drive", Encoding.ASCII.GetString(client.Upload(0x1008, 0)));
            client.Download(0x607A, 0, [1, 2, 3, 4]);

            var clocks = DistributedClocks.Initialise(port, slaves);
            DistributedClocks.CompensateStaticDrift(port, clocks, 50);

            var el2004 = slaves[1];
            byte[] sm = [0x00, 0x0F, 1, 0, el2004.Sii.SyncManagers[0].Control, 0, 0x01, 0];
            Assert.Equal(ExchangeStatus.Ok, port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(el2004.StationAddress, EscRegister.SyncManager(0)), sm, 1));
            byte[] fmmu = [0, 0, 0, 0, 1, 0, 0, 3, 0x00, 0x0F, 0, 0x02, 0x01, 0, 0, 0];
            Assert.Equal(ExchangeStatus.Ok, port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(el2004.StationAddress, EscRegister.Fmmu(0)), fmmu, 1));
            foreach (var state in new[] { AlState.PreOp, AlState.SafeOp, AlState.Op })
                AlStateControl.RequestState(port, el2004.StationAddress, state);

            var cycle = new ProcessDataCycle(masterSocket, new MacAddress(0x02_00_00_00_00_01), 1, 0,
                EtherCatCommandInfo.ExpectedLogicalReadWriteCounter(outputSlaves: 1, inputSlaves: 0), clocks.ReferenceStation, clocks.ClockCount, 500_000_000);
            for (int i = 0; i < 200; i++)
            {
                cycle.Image[0] = (byte)(i & 0x0F);
                Assert.Equal(CycleStatus.Ok, cycle.Exchange());
            }
        }
        return segment.FramesProcessed;
    }

    private static Process StartCapture(VethNamespace veth, string file)
    {
        var start = new ProcessStartInfo("ip", $"netns exec {veth.Namespace} tshark -i {veth.EndA} -f \"ether proto 0x88a4\" -w {file}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start)!;
        using var capturing = new ManualResetEventSlim();
        var log = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (log) log.AppendLine(e.Data);
            if (e.Data?.Contains("Capturing on", StringComparison.Ordinal) == true)
                capturing.Set();
        };
        process.BeginErrorReadLine();
        if (!capturing.Wait(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            lock (log) throw new InvalidOperationException($"tshark did not start capturing on {veth.EndA}: {log}");
        }
        Thread.Sleep(300); // "Capturing on" comes as the capture opens; give the first packets a moment to be counted
        return process;
    }

    private static void StopCapture(Process tshark)
    {
        Thread.Sleep(300); // let the last replies reach the capture
        using (var kill = Process.Start("kill", $"-INT {tshark.Id}")!)
            kill.WaitForExit();
        if (!tshark.WaitForExit(15_000))
            tshark.Kill();
    }

    private static string Tshark(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("tshark", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"tshark {arguments} failed ({process.ExitCode}): {error.Result}");
        return output;
    }
}
