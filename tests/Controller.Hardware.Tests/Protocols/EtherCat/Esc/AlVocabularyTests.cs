using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;

namespace Controller.Hardware.Tests.Protocols.EtherCat.Esc;

public class AlVocabularyTests
{
    [Theory]
    [InlineData(0x0001, AlState.Init, false)]
    [InlineData(0x0012, AlState.PreOp, true)]
    [InlineData(0x0014, AlState.SafeOp, true)]
    [InlineData(0x0008, AlState.Op, false)]
    [InlineData(0x0003, AlState.Bootstrap, false)]
    public void AlStatus_RegisterValue_DecodesStateAndErrorFlag(ushort raw, AlState state, bool error)
    {
        var status = new AlStatus(raw);
        Assert.Equal(state, status.State);
        Assert.Equal(error, status.HasError);
    }

    [Fact]
    public void AlControl_RequestWithAcknowledge_SetsBit4()
    {
        Assert.Equal(0x0018, AlControl.Request(AlState.Op, acknowledgeError: true));
        Assert.Equal(0x0002, AlControl.Request(AlState.PreOp));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AlControl.Request(AlState.None));
        Assert.Contains("None", ex.Message);
    }

    [Theory]
    [InlineData(0x0011, "0x0011 InvalidRequestedStateChange")]
    [InlineData(0x001B, "0x001B SyncManagerWatchdog")]
    [InlineData(0x002C, "0x002C FatalSyncError")]
    [InlineData(0x0036, "0x0036 DcSync0CycleTime")]
    [InlineData(0x8001, "0x8001 vendor-specific")]
    [InlineData(0x0004, "0x0004 unknown")]
    public void Describe_AlStatusCode_NamesIt(ushort code, string text) => Assert.Equal(text, AlStatusCodes.Describe(code));

    [Fact]
    public void EscRegister_BlockHelpers_StepBySpecifiedSize()
    {
        Assert.Equal(0x0610, EscRegister.Fmmu(1));
        Assert.Equal(0x0810, EscRegister.SyncManager(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => EscRegister.SyncManager(16));
    }

    [Fact]
    public void AlStatus_RealCaptureReplies_WalkInitPreOpSafeOpOpInOrder()
    {
        // Every reply that read AL status (0x0130) in ethercrab's EK1100 + EL2828 + EL2889 bring-up, in capture order.
        var seen = new List<AlState>();
        foreach (var packet in EtherCatTestData.Packets("replay-ek1100-el2828-el2889"))
        {
            var frame = packet.Data.Span;
            if ((frame[6] & 0x02) == 0)
                continue;
            EtherCatFrameReader.TryCreate(frame, out var reader);
            while (reader.TryReadNext(out var d))
                if (d.Ado == EscRegister.AlStatus && d.Command is EtherCatCommand.Fprd or EtherCatCommand.Brd && d.WorkingCounter > 0 && d.Data.Length >= 2)
                {
                    var state = new AlStatus((ushort)(d.Data[0] | d.Data[1] << 8)).State;
                    if (seen.Count == 0 || seen[^1] != state)
                        seen.Add(state);
                }
        }
        int Position(AlState s) => seen.IndexOf(s);
        Assert.True(Position(AlState.Init) >= 0 && Position(AlState.Init) < Position(AlState.PreOp), string.Join(",", seen));
        Assert.True(Position(AlState.PreOp) < Position(AlState.SafeOp), string.Join(",", seen));
        Assert.True(Position(AlState.SafeOp) < Position(AlState.Op), string.Join(",", seen));
    }
}
