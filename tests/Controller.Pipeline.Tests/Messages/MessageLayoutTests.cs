using System.Runtime.CompilerServices;
using Controller.Pipeline.Messages;

namespace Controller.Pipeline.Tests.Messages;

public sealed unsafe class MessageLayoutTests
{
    [Fact]
    public void JointState_Arrays_HoldMaxJointsEach()
    {
        var state = default(JointState);

        Assert.Equal(64, MessageLimits.MaxJoints);
        Assert.Equal(MessageLimits.MaxJoints, ((Span<double>)state.Position).Length);
        Assert.Equal(MessageLimits.MaxJoints, ((Span<double>)state.Velocity).Length);
        Assert.Equal(MessageLimits.MaxJoints, ((Span<double>)state.Effort).Length);
        Assert.Equal(MessageLimits.MaxJoints * sizeof(double), sizeof(JointValues));
        Assert.True(sizeof(JointState) >= 3 * sizeof(JointValues));
    }

    [Fact]
    public void JointValues_LastJoint_IsInline()
    {
        var state = default(JointState);
        state.Position[MessageLimits.MaxJoints - 1] = 42;

        Assert.Equal(42, ((ReadOnlySpan<double>)state.Position)[^1]);
        Assert.True(Unsafe.AreSame(ref state.Position[0], ref ((Span<double>)state.Position)[0]));
    }

    [Fact]
    public void ActionChunk_Values_Hold128StepsOf64Floats()
    {
        var chunk = default(ActionChunk);

        Assert.Equal(128, MessageLimits.MaxChunkSteps);
        Assert.Equal(128 * 64, MessageLimits.MaxChunkValues);
        Assert.Equal(MessageLimits.MaxChunkValues, ((Span<float>)chunk.Values).Length);
        Assert.Equal(MessageLimits.MaxChunkValues * sizeof(float), sizeof(ChunkValues));
        Assert.True(sizeof(ActionChunk) >= sizeof(ChunkValues));
    }

    [Fact]
    public void JointCommand_Zeroed_IsHoldWithEmptyArrays()
    {
        var command = default(JointCommand);

        Assert.Equal(ControlMode.Hold, command.Mode);
        Assert.Equal(0, (int)ControlMode.Hold);
        Assert.Equal(0, command.JointCount);
        Assert.Equal(MessageLimits.MaxJoints, ((Span<double>)command.Position).Length);
        Assert.Equal(MessageLimits.MaxJoints, ((Span<double>)command.Damping).Length);
    }

    [Fact]
    public void ZeroedEvents_AreHarmless()
    {
        Assert.Equal(SafetyEventKind.None, default(SafetyEvent).Kind);
        Assert.Equal(SafetyReaction.None, default(SafetyEvent).Reaction);
        Assert.Equal(WrenchFlags.None, default(Wrench).Flags);
        Assert.Equal(ActionKind.AbsoluteJointPosition, default(ActionChunk).Kind);
    }

    [Fact]
    public void Messages_Header_IsFirstField()
    {
        AssertHeaderFirst<JointState>();
        AssertHeaderFirst<JointCommand>();
        AssertHeaderFirst<ActionChunk>();
        AssertHeaderFirst<Wrench>();
        AssertHeaderFirst<LoopStatistics>();
        AssertHeaderFirst<SafetyEvent>();
    }

    [Fact]
    public void Messages_ContainNoManagedReferences()
    {
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<JointState>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<JointCommand>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<ActionChunk>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<Wrench>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<LoopStatistics>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<SafetyEvent>());
    }

    [Fact]
    public void MessageHeader_Constructor_SetsSequenceAndTimestamp()
    {
        var header = new MessageHeader(sequence: 3, timestampNs: 99);

        Assert.Equal(3, header.Sequence);
        Assert.Equal(99, header.TimestampNs);
        Assert.Equal(16, sizeof(MessageHeader));
    }

    private static void AssertHeaderFirst<T>() where T : unmanaged
    {
        // Every message begins with MessageHeader, so its first 16 bytes are (sequence, timestamp).
        T message = default;
        var header = new MessageHeader(sequence: 0x0102030405060708, timestampNs: 77);
        Unsafe.WriteUnaligned(ref Unsafe.As<T, byte>(ref message), header);
        var fields = typeof(T).GetFields();
        Assert.Equal(nameof(JointState.Header), fields[0].Name);
        Assert.Equal(typeof(MessageHeader), fields[0].FieldType);
        Assert.Equal(header.Sequence, ((MessageHeader)fields[0].GetValue(message)!).Sequence);
    }
}
