using System.Runtime.InteropServices;

namespace Controller.Cli.Commands;

/// <summary>
/// Keeps a stand-alone twin alive until the user stops it: SIGINT (Ctrl+C) or SIGTERM, or a fixed number of seconds.
/// The signals are taken over only while waiting, so an in-process caller (a test) gets its handlers back afterwards.
/// </summary>
internal static class RunUntilStopped
{
    /// <summary>Blocks until SIGINT/SIGTERM or <paramref name="seconds"/> have passed (null: no time limit); returns what ended it.</summary>
    public static string Wait(double? seconds)
    {
        using var stop = new ManualResetEventSlim();
        string reason = seconds is null ? "stopped" : $"{seconds} s elapsed";
        void OnSignal(PosixSignalContext context)
        {
            // Cancel the default (terminate the process) so the twin can close its pty or socket cleanly.
            context.Cancel = true;
            reason = $"{context.Signal} received";
            stop.Set();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        if (seconds is { } limit) stop.Wait(TimeSpan.FromSeconds(limit));
        else stop.Wait();
        return reason;
    }
}
