using Controller.Hardware.Protocols.Cia402;
using FsCheck;
using FsCheck.Fluent;
using S = Controller.Hardware.Protocols.Cia402.Cia402State;

namespace Controller.Hardware.Tests.Protocols.Cia402;

public class Cia402StateMachineTests
{
    private static Cia402DriveStateMachine In(S state, bool quickStopStays = false)
    {
        var drive = new Cia402DriveStateMachine { QuickStopStays = quickStopStays };
        drive.CompleteInitialisation();
        switch (state)
        {
            case S.NotReadyToSwitchOn: return new Cia402DriveStateMachine { QuickStopStays = quickStopStays };
            case S.SwitchOnDisabled: break;
            case S.ReadyToSwitchOn: drive.Apply(0x06); break;
            case S.SwitchedOn: drive.Apply(0x06); drive.Apply(0x07); break;
            case S.OperationEnabled: drive.Apply(0x06); drive.Apply(0x07); drive.Apply(0x0F); break;
            case S.QuickStopActive: drive.Apply(0x06); drive.Apply(0x07); drive.Apply(0x0F); drive.Apply(0x02); break;
            case S.FaultReactionActive: drive.RaiseFault(); break;
            case S.Fault: drive.RaiseFault(); drive.CompleteFaultReaction(); break;
        }
        Assert.Equal(state, drive.State);
        return drive;
    }

    // The CiA 402 transition table: from, controlword, to, transition number (-1: no transition).
    public static TheoryData<S, ushort, S, int> Table => new()
    {
        { S.SwitchOnDisabled, 0x0006, S.ReadyToSwitchOn, 2 },
        { S.ReadyToSwitchOn, 0x0007, S.SwitchedOn, 3 },
        { S.ReadyToSwitchOn, 0x000F, S.OperationEnabled, 4 },
        { S.SwitchedOn, 0x000F, S.OperationEnabled, 4 },
        { S.OperationEnabled, 0x0007, S.SwitchedOn, 5 },
        { S.SwitchedOn, 0x0006, S.ReadyToSwitchOn, 6 },
        { S.ReadyToSwitchOn, 0x0000, S.SwitchOnDisabled, 7 },
        { S.ReadyToSwitchOn, 0x0002, S.SwitchOnDisabled, 7 },
        { S.OperationEnabled, 0x0006, S.ReadyToSwitchOn, 8 },
        { S.OperationEnabled, 0x0000, S.SwitchOnDisabled, 9 },
        { S.SwitchedOn, 0x0000, S.SwitchOnDisabled, 10 },
        { S.SwitchedOn, 0x0002, S.SwitchOnDisabled, 10 },
        { S.OperationEnabled, 0x0002, S.QuickStopActive, 11 },
        { S.OperationEnabled, 0x000B, S.QuickStopActive, 11 },
        { S.QuickStopActive, 0x0000, S.SwitchOnDisabled, 12 },
        { S.QuickStopActive, 0x000F, S.QuickStopActive, -1 },
        { S.Fault, 0x0080, S.SwitchOnDisabled, 15 },
        { S.Fault, 0x000F, S.Fault, -1 },
        { S.Fault, 0x0006, S.Fault, -1 },
        { S.FaultReactionActive, 0x0080, S.FaultReactionActive, -1 },
        { S.SwitchOnDisabled, 0x0007, S.SwitchOnDisabled, -1 },
        { S.SwitchOnDisabled, 0x000F, S.SwitchOnDisabled, -1 },
        { S.SwitchedOn, 0x0007, S.SwitchedOn, -1 },
        { S.OperationEnabled, 0x000F, S.OperationEnabled, -1 },
        { S.NotReadyToSwitchOn, 0x0006, S.NotReadyToSwitchOn, -1 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Apply_TransitionTable_MatchesSpec(S from, ushort controlword, S to, int transition)
    {
        var drive = In(from);
        Assert.Equal(transition, drive.Apply(controlword));
        Assert.Equal(to, drive.State);
    }

    [Fact]
    public void Apply_QuickStopStaysOption_EnableOperationReturns_Transition16()
    {
        var drive = In(S.QuickStopActive, quickStopStays: true);
        Assert.Equal(16, drive.Apply(0x000F));
        Assert.Equal(S.OperationEnabled, drive.State);
    }

    [Fact]
    public void CompleteQuickStop_DefaultOption_GoesSwitchOnDisabled_Transition12()
    {
        var drive = In(S.QuickStopActive);
        drive.CompleteQuickStop();
        Assert.Equal(S.SwitchOnDisabled, drive.State);
        Assert.Equal(12, drive.LastTransition);
    }

    [Theory]
    [InlineData(S.SwitchOnDisabled)]
    [InlineData(S.ReadyToSwitchOn)]
    [InlineData(S.SwitchedOn)]
    [InlineData(S.OperationEnabled)]
    [InlineData(S.QuickStopActive)]
    public void RaiseFault_AnyState_FaultReactionThenFault_Transitions13And14(S from)
    {
        var drive = In(from);
        drive.RaiseFault();
        Assert.Equal(13, drive.LastTransition);
        Assert.True(drive.PowerEnabled);
        drive.CompleteFaultReaction();
        Assert.Equal(14, drive.LastTransition);
        Assert.Equal(S.Fault, drive.State);
        Assert.False(drive.PowerEnabled);
    }

    [Fact]
    public void Apply_FaultResetHeldHigh_ActsOnlyOnRisingEdge()
    {
        var drive = In(S.Fault);
        drive.Apply(0x0080);
        Assert.Equal(S.SwitchOnDisabled, drive.State);
        drive.RaiseFault();
        drive.CompleteFaultReaction();
        drive.Apply(0x0080); // still high: no edge
        Assert.Equal(S.Fault, drive.State);
        drive.Apply(Cia402Commander.FaultReset(0x0080));
        drive.Apply(Cia402Commander.FaultReset(0x0000));
        Assert.Equal(S.SwitchOnDisabled, drive.State);
    }

    [Fact]
    public void CompleteInitialisation_Transition1()
    {
        var drive = new Cia402DriveStateMachine();
        Assert.Equal(S.NotReadyToSwitchOn, drive.State);
        drive.CompleteInitialisation();
        Assert.Equal(1, drive.LastTransition);
        Assert.Equal(S.SwitchOnDisabled, drive.State);
    }

    [Theory]
    [InlineData(S.SwitchOnDisabled, 3)]
    [InlineData(S.ReadyToSwitchOn, 2)]
    [InlineData(S.SwitchedOn, 1)]
    [InlineData(S.OperationEnabled, 0)]
    [InlineData(S.QuickStopActive, 4)]
    public void Commander_TowardOperationEnabled_ReachesItInExpectedSteps(S from, int steps)
    {
        var drive = In(from);
        int taken = 0;
        while (drive.State != S.OperationEnabled && taken < 10)
        {
            drive.Apply(Cia402Commander.TowardOperationEnabled(Cia402Statusword.DecodeState(Cia402Statusword.Encode(drive.State))));
            taken++;
        }
        Assert.Equal(S.OperationEnabled, drive.State);
        Assert.Equal(steps, taken);
    }

    [Fact]
    public void Commander_TowardOperationEnabled_NeverResetsAFault()
    {
        var drive = In(S.Fault);
        for (int i = 0; i < 5; i++) drive.Apply(Cia402Commander.TowardOperationEnabled(drive.State));
        Assert.Equal(S.Fault, drive.State);
    }

    [Theory]
    [InlineData(S.SwitchOnDisabled)]
    [InlineData(S.ReadyToSwitchOn)]
    [InlineData(S.SwitchedOn)]
    [InlineData(S.OperationEnabled)]
    [InlineData(S.QuickStopActive)]
    public void Commander_TowardSwitchOnDisabled_RemovesTorqueInOneStep(S from)
    {
        var drive = In(from);
        drive.Apply(Cia402Commander.TowardSwitchOnDisabled());
        Assert.Equal(S.SwitchOnDisabled, drive.State);
    }

    [Theory]
    [InlineData(0x0000, S.NotReadyToSwitchOn)]
    [InlineData(0x0250, S.SwitchOnDisabled)]
    [InlineData(0x0231, S.ReadyToSwitchOn)]
    [InlineData(0x0233, S.SwitchedOn)]
    [InlineData(0x1637, S.OperationEnabled)]
    [InlineData(0x0217, S.QuickStopActive)]
    [InlineData(0x021F, S.FaultReactionActive)]
    [InlineData(0x0218, S.Fault)]
    [InlineData(0x0001, S.Unknown)]
    public void DecodeState_TypicalStatuswords(int statusword, S expected) =>
        Assert.Equal(expected, Cia402Statusword.DecodeState((ushort)statusword));

    [Fact]
    public void EncodeThenDecode_EveryState_IsIdentityWhateverTheOtherBits()
    {
        var states = Enum.GetValues<S>().Where(s => s != S.Unknown).ToArray();
        Prop.ForAll(Gen.Elements(states).ToArbitrary(), Gen.Choose(0, 0xFFFF).ToArbitrary(), (state, noise) =>
        {
            ushort other = (ushort)(noise & ~0x6F & ~0x10);
            return Cia402Statusword.DecodeState((ushort)(Cia402Statusword.Encode(state) | other)) == state;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DecodeState_AllStatuswords_NeverThrows() =>
        Assert.All(Enumerable.Range(0, 0x10000), sw => Cia402Statusword.DecodeState((ushort)sw));
}
