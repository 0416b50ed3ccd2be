using System.Runtime.InteropServices;
using Controller.Pipeline.Memory;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;
using Controller.Runtime.Brain;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Runtime.Tests.Brain;

public sealed class SharedBrainStatusTests
{
    [Fact]
    public void PublishNow_ThroughASharedFile_RuntimeSideReadsWhatTheBrainSideWrote()
    {
        string path = $"/dev/shm/robotctl-test-status-{Guid.NewGuid():N}";
        // The runtime creates the file; the brain process opens it and takes the writer: two mappings of one file.
        using var runtimeSide = LatestValue<SharedBrainStatus>.CreateShared(path);
        using var brainSide = LatestValue<SharedBrainStatus>.OpenShared(path);
        using LatestValueWriter<SharedBrainStatus> writer = brainSide.TakeWriter();
        long policyCalls = 40;
        using var publisher = new BrainStatusPublisher(writer, (ref SharedBrainStatus s) =>
        {
            s.Skill = "descend";
            s.Instruction = "put the green cube in the bin";
            s.Failed = 1;
            s.Failure = "planner: no cube named green";
            s.PlannerRuns = 8;
            s.PolicyCalls = policyCalls;
            s.DeadlineMisses = 2;
            s.Swaps = 1;
            s.Reloads = 3;
        }, TimeSpan.FromSeconds(1));

        publisher.PublishNow();

        Assert.Equal(MailboxReadStatus.Success, runtimeSide.TryRead(out SharedBrainStatus read));
        BrainProcessStatus status = read.ToSnapshot();
        Assert.Equal("descend", status.Skill);
        Assert.Equal("put the green cube in the bin", status.Instruction);
        Assert.Equal("planner: no cube named green", status.Failure);
        Assert.False(status.Done);
        Assert.Equal((8, 40, 2, 1, 3), (status.PlannerRuns, status.PolicyCalls, status.DeadlineMisses, status.Swaps, status.Reloads));
        Assert.Equal(Environment.ProcessId, status.ProcessId);
        Assert.InRange(status.PublishedNs, 1, MonotonicClock.Now());
        Assert.Equal(PeerStatus.Alive, runtimeSide.WriterStatus(MonotonicClock.Now(), long.MaxValue));
    }

    [Fact]
    public void Snapshot_NotFailed_HasNoFailure()
    {
        var status = new SharedBrainStatus { Skill = "approach", Done = 1, Failure = "left over" };

        BrainProcessStatus snapshot = status.ToSnapshot();

        Assert.True(snapshot.Done);
        Assert.Null(snapshot.Failure);
    }

    [Fact]
    public void Text_RoundTripsWhenItFitsAndIsCutOnACharacterBoundaryWhenNot()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            string skill = Text(random, random.Next(0, 40));
            string failure = Text(random, random.Next(0, 120));
            var status = new SharedBrainStatus { Skill = skill, Failure = failure, Instruction = failure };
            // Every character Text draws is 1 to 3 bytes of UTF-8; a cut keeps a prefix of whole characters.
            return skill.StartsWith(status.Skill, StringComparison.Ordinal) && System.Text.Encoding.UTF8.GetByteCount(status.Skill) <= SharedBrainStatus.MaxSkillBytes
                && (System.Text.Encoding.UTF8.GetByteCount(skill) > SharedBrainStatus.MaxSkillBytes || status.Skill == skill)
                && failure.StartsWith(status.Failure, StringComparison.Ordinal) && System.Text.Encoding.UTF8.GetByteCount(status.Failure) <= SharedBrainStatus.MaxFailureBytes
                && status.Instruction == failure[..Math.Min(failure.Length, status.Instruction.Length)];
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Snapshot_RandomBytesFromAnotherProcess_NeverThrowsNorReadsPastTheMessage()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var message = new SharedBrainStatus();
            random.NextBytes(MemoryMarshal.AsBytes(new Span<SharedBrainStatus>(ref message)));
            BrainProcessStatus snapshot = message.ToSnapshot();
            return snapshot.Skill.Length <= SharedBrainStatus.MaxSkillBytes && snapshot.Instruction.Length <= SharedBrainStatus.MaxInstructionBytes
                && (snapshot.Failure?.Length ?? 0) <= SharedBrainStatus.MaxFailureBytes;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Poll_BrainPublishedStatus_LinkCarriesItAndOnlyANewVersionReplacesIt()
    {
        using var chunks = SpscRing<ActionChunk>.Create(8);
        using var scene = LatestValue<SharedBrainScene>.Create();
        using var sceneWriter = scene.TakeWriter();
        using var status = LatestValue<SharedBrainStatus>.Create();
        using var statusWriter = status.TakeWriter();
        using var link = new BrainProcessLink(chunks, sceneWriter, null, "put the red cube in the bin", 1_000_000_000, TimeSpan.FromMilliseconds(20), status);

        link.Poll(MonotonicClock.Now());
        Assert.Null(link.Brain);

        statusWriter.Write(new SharedBrainStatus { Skill = "grasp", PolicyHz = 9.5, PublishedNs = 1 });
        link.Poll(MonotonicClock.Now());
        BrainProcessStatus first = link.Brain!;
        link.Poll(MonotonicClock.Now());

        Assert.Equal("grasp", first.Skill);
        Assert.Equal(9.5, first.PolicyHz);
        Assert.Same(first, link.Brain);
        statusWriter.Write(new SharedBrainStatus { Skill = "lift", Done = 1 });
        link.Poll(MonotonicClock.Now());
        Assert.Equal("lift", link.Brain!.Skill);
        Assert.True(link.Brain.Done);
    }

    private static string Text(Random random, int length)
    {
        const string alphabet = "abcxyz _-éü漢字";
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}
