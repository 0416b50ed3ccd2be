using System.Diagnostics;
using System.Runtime.InteropServices;
using Controller.Runtime.Recording;

namespace Controller.Cli.Tests.Recording;

/// <summary><c>robotctl run --record</c> as its own process, interrupted with SIGINT as a user's Ctrl+C would.</summary>
public partial class RunRecordingSignalTests
{
    private const int SigInt = 2;

    [Fact]
    public void Run_SigIntMidRun_LeavesACompleteRecordingClosedAfterTheStop()
    {
        string path = TestEpisodes.TempPath(".episode");
        ProcessStartInfo start = SelfInvocation.Create("run", Hardware("sim-arm6/robot.yaml"), "--no-ui", "--record", path);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Mid-run: the recorder has flushed a few hundred records (about two seconds of the task).
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline && !process.HasExited && (!File.Exists(path) || new FileInfo(path).Length < 40_000))
            {
                Thread.Sleep(100);
            }

            Assert.False(process.HasExited, $"robotctl ended before it was interrupted:\n{output}");
            Assert.Equal(0, Kill(process.Id, SigInt));
            Assert.True(process.WaitForExit(60_000), "robotctl did not stop within 60 s of SIGINT");
            process.WaitForExit();

            Assert.True(process.ExitCode == 0, output.ToString());
            Assert.Contains("recording: ", output.ToString());
            EpisodeReadResult episode = EpisodeReader.Read(path);
            Assert.True(episode.Complete, episode.StopDetail);
            Assert.Contains(episode.Of<FaultRecord>(), f => f.State == "Stopped"); // written after the buses were stopped
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            File.Delete(path);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private static string Hardware(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "hardware", "sim-arm6")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "hardware", relative);
    }
}
