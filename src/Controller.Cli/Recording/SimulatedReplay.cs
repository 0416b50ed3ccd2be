using System.Globalization;
using Controller.Cli.Commands;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;
using Controller.Runtime;
using Controller.Runtime.Configuration;
using Controller.Runtime.Recording;

namespace Controller.Cli.Recording;

/// <summary>
/// <c>robotctl replay --robot</c>: brings a simulated robot up without its brain and plays the recorded commanded
/// positions to the cerebellum as action chunks (as a brain would: a fresh chunk every 100 ms covering the next
/// seconds), then compares the joints it measured with those the recording measured.
/// </summary>
internal static class SimulatedReplay
{
    private static readonly TimeSpan ResendEvery = TimeSpan.FromMilliseconds(100);

    public static int Run(RobotConfig config, EpisodeReadResult episode, TextWriter output, TextWriter error)
    {
        if (!config.IsSimulated)
        {
            error.WriteLine($"robotctl replay: '{config.File}' describes real hardware; replay drives simulated robots only (a recording is not a safety-checked program).");
            return RunCommand.UsageExitCode;
        }

        StateRecord[] states = episode.Of<StateRecord>().Where(s => s.CommandRad.Length == s.PositionRad.Length && s.CommandRad.Length == episode.Header.JointNames.Count && s.CommandRad.Length > 0).ToArray();
        if (states.Length == 0)
        {
            error.WriteLine("robotctl replay: the recording has no state sample with a command; nothing to replay.");
            return ReplayCommand.BadRecordingExitCode;
        }

        using RobotRuntime runtime = RobotRuntime.Build(config, new RuntimeOptions { NoBrain = true });
        string[] joints = runtime.Model.Joints.Select(j => j.Name).ToArray();
        if (!joints.SequenceEqual(episode.Header.JointNames))
        {
            error.WriteLine($"robotctl replay: the recording's joints [{string.Join(", ", episode.Header.JointNames)}] are not {config.Name}'s [{string.Join(", ", joints)}].");
            return RunCommand.UsageExitCode;
        }

        runtime.Start();
        long periodNs = (long)(1e9 / episode.Header.StateRateHz);
        long firstNs = states[0].TimeNs;
        long t0 = MonotonicClock.Now() + 200_000_000;
        long endNs = states[^1].TimeNs - firstNs;
        output.WriteLine(FormattableString.Invariant($"replay: {states.Length} recorded commands over {endNs * 1e-9:F1} s to {config.Name} (simulated, no brain)"));
        var chunk = new ActionChunk { Kind = ActionKind.AbsoluteJointPosition, StepPeriodNs = periodNs };
        var squaredError = new double[joints.Length];
        int compared = 0, next = 0;
        long sequence = 0;
        while (MonotonicClock.Now() - t0 < endNs + 500_000_000)
        {
            long elapsed = Math.Max(0, MonotonicClock.Now() - t0);
            while (next + 1 < states.Length && states[next + 1].TimeNs - firstNs <= elapsed)
            {
                next++;
            }

            int steps = Math.Min(MessageLimits.MaxChunkSteps, states.Length - next);
            chunk.SetShape(steps, joints.Length);
            chunk.Header = new MessageHeader(++sequence, MonotonicClock.Now());
            chunk.StartTimeNs = t0 + (states[next].TimeNs - firstNs);
            for (int s = 0; s < steps; s++)
            {
                Span<float> row = chunk.Row(s);
                for (int j = 0; j < joints.Length; j++)
                {
                    row[j] = (float)states[next + s].CommandRad[j];
                }
            }

            runtime.ChunkProducer.TryWrite(chunk);
            Thread.Sleep(ResendEvery);
            if (runtime.StateMailbox.TryRead(out JointState now) == MailboxReadStatus.Success && next > 0)
            {
                for (int j = 0; j < joints.Length; j++)
                {
                    double d = now.Position[j] - states[next].PositionRad[j];
                    squaredError[j] += d * d;
                }

                compared++;
            }
        }

        RuntimeStatus status = runtime.Status();
        runtime.Stop();
        output.WriteLine($"replay: done; {status.ChunksReceived} chunks taken, {runtime.Follower.Follower.RejectedChunks} rejected, safety {status.Safety}");
        if (compared > 0)
        {
            output.WriteLine("replay: measured joints vs the recording's (RMS over " + compared + " samples): " + string.Join(", ",
                joints.Select((name, j) => $"{name} {Math.Sqrt(squaredError[j] / compared).ToString("F4", CultureInfo.InvariantCulture)} rad")));
        }

        return 0;
    }
}
