using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Tests.Support;
using Controller.Brain.Text;

namespace Controller.Brain.Tests.Text;

public class InstructionEncoderTests
{
    [Fact]
    public void Update_SameInstruction_EncodesOnce()
    {
        var encoder = new InstructionEncoder(TextFixtures.WordPiece(), 16);
        Assert.True(encoder.Update("put the red cube in the bin"));
        Assert.False(encoder.Update("put the red cube in the bin"));
        Assert.True(encoder.Update("pick up the blue cube"));
        Assert.Equal(2, encoder.Encodings);
        Assert.Equal(TextFixtures.Padded(16, 2, 13, 14, 6, 12, 8, 3), encoder.Ids.ToArray());
        Assert.Equal(7, encoder.TokenCount);
    }

    [Fact]
    public void Constructor_BeforeAnyInstruction_HoldsTheEmptyEncoding()
    {
        var encoder = new InstructionEncoder(TextFixtures.WordPiece(), 4);
        Assert.Equal([2L, 3, 0, 0], encoder.Ids.ToArray());
        Assert.Equal([1L, 1, 0, 0], encoder.Mask.ToArray());
        Assert.True(encoder.Update(""));
    }

    [Fact]
    public void Constructor_NoRoomForText_ThrowsNamingTheRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new InstructionEncoder(TextFixtures.WordPiece(), 2));
        Assert.Contains("max_length must be in [3, 1048576]", e.Message);
    }

    [Fact]
    public void Update_LongerInstructionThanKept_GrowsAndStillCompares()
    {
        var encoder = new InstructionEncoder(TextFixtures.Bpe(), 8);
        string longText = string.Concat(Enumerable.Repeat("put the bin ", 100));
        Assert.True(encoder.Update(longText));
        Assert.False(encoder.Update(longText));
        Assert.True(encoder.Update(longText.AsSpan(0, longText.Length - 1)));
    }

    [Fact]
    public void SetTask_UnchangedInstructionThousandsOfSteps_AllocatesNothingAndEncodesOnce()
    {
        using var folder = new TempFolder();
        using var host = ModelHost.Create(ManifestParser.Load(TextFixtures.WriteExample(folder)));
        var obs = new ObservationAssembler(host, TextFixtures.ExampleJoints);
        string instruction = "Pick up the blue cubes and put them in the bin!";
        // The subword tokenizer allocates when it runs; this first call is the one change.
        Assert.Equal(AssemblyStatus.Ok, obs.SetTask(instruction));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int step = 0; step < 5000; step++) obs.SetTask(instruction);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(1, obs.TaskEncodings);
        Assert.Equal(1L, host.Inputs["attention_mask"].Int64s[0]);
    }

    [Fact]
    public void SetTask_InstructionChanges_TensorsFollow()
    {
        using var folder = new TempFolder();
        using var host = ModelHost.Create(ManifestParser.Load(TextFixtures.WriteExample(folder)));
        var obs = new ObservationAssembler(host, TextFixtures.ExampleJoints);
        obs.SetTask("put the red cube in the bin");
        obs.SetTask("pick up");
        Assert.Equal(TextFixtures.Padded(16, 2, 13, 14, 3), host.Inputs["input_ids"].Int64s.ToArray());
        Assert.Equal(TextFixtures.Padded(16, 1, 1, 1, 1), host.Inputs["attention_mask"].Int64s.ToArray());
        Assert.Equal(2, obs.TaskEncodings);
    }
}
