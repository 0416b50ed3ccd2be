using Controller.Runtime.Recording;

namespace Controller.Cli.Tests.Recording;

/// <summary>Small synthetic episodes written with the real writer, for the replay/export/report commands.</summary>
internal static class TestEpisodes
{
    public static readonly string[] Joints = ["a", "b", "c"];

    public static string TempPath(string suffix) => Path.Combine(Path.GetTempPath(), $"robotctl-{Guid.NewGuid():N}{suffix}");

    /// <summary>
    /// <paramref name="frames"/> state samples at 50 Hz, the first <paramref name="withoutCommand"/> without a command;
    /// a wrench sample beside each; the task switching to <paramref name="secondTask"/> half way when given.
    /// </summary>
    public static string Write(int frames, string task, string? secondTask = null, int withoutCommand = 0, string[]? joints = null, bool wrench = true)
    {
        joints ??= Joints;
        string path = TempPath(".episode");
        var header = new EpisodeHeader(EpisodeFormat.Version, "test-arm", "robot: test-arm\n", new string('0', 64), "test.urdf", joints, [], 0, 0, 1000, 50, task);
        using var writer = EpisodeWriter.Create(path, header);
        writer.Write(new SkillRecord(0, task, "approach"));
        writer.Write(new FaultRecord(0, "arm", "Active", 0));
        for (int i = 0; i < frames; i++)
        {
            long t = i * 20_000_000L;
            if (secondTask is not null && i == frames / 2)
            {
                writer.Write(new SkillRecord(t, secondTask, "grasp"));
            }

            double[] q = joints.Select((_, j) => 0.01 * i + j).ToArray();
            double[] cmd = i < withoutCommand ? [] : q.Select(v => v + 0.001).ToArray();
            writer.Write(new StateRecord(t, i, q, new double[joints.Length], q.Select(v => -v).ToArray(), cmd));
            if (wrench)
            {
                writer.Write(new WrenchRecord(t, [1, 2, 3 + i], [0.1, 0.2, 0.3]));
            }

            if (i % 10 == 0)
            {
                writer.Write(new LoopRecord(t, i * 20, 0, 7_000, 50_000, 900_000, 100_000));
            }
        }

        writer.Write(new SafetyEventRecord(frames * 20_000_000L, 1, "BrainSilent", "ProtectiveStop", -1, 0.3, 0.2));
        return path;
    }
}
