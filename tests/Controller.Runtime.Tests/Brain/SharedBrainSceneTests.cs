using System.Runtime.InteropServices;
using Controller.Brain.Perception;
using Controller.Runtime.Brain;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Runtime.Tests.Brain;

public sealed class SharedBrainSceneTests
{
    [Fact]
    public void AddBoxesTo_WrittenBoxesAndInstruction_ReadBackTheSame()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            string instruction = Text(random, random.Next(0, 60));
            var message = new SharedBrainScene { Instruction = instruction };
            var written = new List<(string Name, double[] Min, double[] Max)>();
            for (int i = 0; i < random.Next(0, SharedBrainScene.MaxBoxes + 1); i++)
            {
                double[] min = [random.NextDouble(), random.NextDouble(), random.NextDouble()];
                double[] max = [min[0] + random.NextDouble(), min[1] + random.NextDouble(), min[2]];
                string name = Text(random, random.Next(1, 11)); // ≤ 30 bytes: fits MaxNameBytes
                Assert.True(message.TryAdd(name, min, max));
                written.Add((name, min, max));
            }

            var read = new List<SceneBox>();
            Assert.Equal(0, message.AddBoxesTo(read));
            return message.Instruction == instruction && read.Count == written.Count
                && read.Zip(written).All(p => p.First.Name == p.Second.Name && p.First.Min.SequenceEqual(p.Second.Min) && p.First.Max.SequenceEqual(p.Second.Max));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Read_RandomBytesFromAnotherProcess_NeverThrowsNorReadsPastTheMessage()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var message = new SharedBrainScene();
            Span<byte> bytes = MemoryMarshal.AsBytes(new Span<SharedBrainScene>(ref message));
            random.NextBytes(bytes);
            if (random.Next(2) == 0) message.BoxCount = random.Next(0, SharedBrainScene.MaxBoxes + 1); // also many plausible counts
            var read = new List<SceneBox>();
            int skipped = message.AddBoxesTo(read);
            string instruction = message.Instruction;
            return read.Count + skipped <= SharedBrainScene.MaxBoxes && instruction.Length <= SharedBrainScene.MaxInstructionBytes;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Instruction_LongerThanTheBuffer_IsCutOnACharacterBoundary()
    {
        var message = new SharedBrainScene { Instruction = new string('é', 200) }; // 400 bytes of UTF-8

        Assert.Equal(new string('é', SharedBrainScene.MaxInstructionBytes / 2), message.Instruction);
    }

    [Fact]
    public void TryAdd_MoreBoxesThanFit_RefusedAndCounted()
    {
        var message = new SharedBrainScene();
        for (int i = 0; i < SharedBrainScene.MaxBoxes; i++) Assert.True(message.TryAdd($"cube_{i}", [0, 0, 0], [1, 1, 1]));

        Assert.False(message.TryAdd("one_too_many", [0, 0, 0], [1, 1, 1]));
        Assert.Equal(1, message.DroppedBoxes);
        Assert.Equal(SharedBrainScene.MaxBoxes, message.BoxCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../etc")]
    [InlineData("a b")]
    public void BrainRegionPaths_UnsafeName_ThrowsNamingIt(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new BrainRegionPaths(name));

        Assert.Contains($"'{name}'", e.Message);
    }

    [Fact]
    public void BrainRegionPaths_Name_FilesUnderDevShm()
    {
        var paths = new BrainRegionPaths("arm-1");

        Assert.Equal("/dev/shm/robotctl-brain-arm-1.chunks", paths.Chunks);
        Assert.Equal("/dev/shm/robotctl-brain-arm-1.scene", paths.Scene);
    }

    private static string Text(Random random, int length)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz_ 0123456789éü✓";
        return new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
    }
}
