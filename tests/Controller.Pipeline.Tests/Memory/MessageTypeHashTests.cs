using Controller.Pipeline.Memory;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Tests.Support;

namespace Controller.Pipeline.Tests.Memory;

public sealed class MessageTypeHashTests
{
    [Fact]
    public void Of_SameSizeStructsWithDifferentFieldNames_Differ()
    {
        Assert.Equal(System.Runtime.CompilerServices.Unsafe.SizeOf<HashProbe>(),
            System.Runtime.CompilerServices.Unsafe.SizeOf<HashProbeRenamed>());

        Assert.NotEqual(MessageTypeHash.Of<HashProbe>(), MessageTypeHash.Of<HashProbeRenamed>());
    }

    [Fact]
    public void Of_SameTypeRepeatedly_IsStable()
    {
        ulong first = MessageTypeHash.Of<JointState>();

        Assert.Equal(first, MessageTypeHash.Of<JointState>());
        Assert.Equal(MessageTypeHash.Describe(typeof(JointState)), MessageTypeHash.Describe(typeof(JointState)));
        Assert.NotEqual(0UL, first);
    }

    [Fact]
    public void Of_SameSizePrimitivesAndMessages_AllDiffer()
    {
        ulong[] hashes =
        [
            MessageTypeHash.Of<long>(),
            MessageTypeHash.Of<ulong>(),
            MessageTypeHash.Of<double>(),
            MessageTypeHash.Of<JointState>(),
            MessageTypeHash.Of<JointCommand>(),
            MessageTypeHash.Of<ActionChunk>(),
            MessageTypeHash.Of<Wrench>(),
            MessageTypeHash.Of<SafetyEvent>(),
            MessageTypeHash.Of<LoopStatistics>(),
        ];

        Assert.Equal(hashes.Length, hashes.Distinct().Count());
    }

    [Fact]
    public void Describe_JointState_NamesFieldsTypesAndInlineArrayLength()
    {
        string text = MessageTypeHash.Describe(typeof(JointState));

        Assert.StartsWith(typeof(JointState).FullName!, text);
        Assert.Contains("Position:", text);
        Assert.Contains("Effort:", text);
        Assert.Contains($"{typeof(JointValues).FullName}[{MessageLimits.MaxJoints}]", text);
        Assert.Contains("System.Double", text);
    }

    [Fact]
    public void Describe_EnumField_IncludesUnderlyingType()
    {
        Assert.Contains($"{typeof(ControlMode).FullName}:Int32", MessageTypeHash.Describe(typeof(JointCommand)));
    }
}
