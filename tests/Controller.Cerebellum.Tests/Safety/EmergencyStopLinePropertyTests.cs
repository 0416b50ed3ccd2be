using Controller.Cerebellum.Safety;
using Controller.Pipeline.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Safety;

/// <summary>Random sequences of e-stop line levels, acknowledgements and re-enable requests against a reference model of the rules.</summary>
public sealed class EmergencyStopLinePropertyTests
{
    private readonly record struct Step(bool LineOpen, bool Acknowledge, bool ReEnable);

    [Fact]
    public void Apply_AnyLineAndAckSequence_FollowsTheRecoveryRulesWithAnEventPerTransition()
    {
        var step = from open in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
                   from ack in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
                   from re in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
                   select new Step(open, ack, re);
        var sequence = from length in Gen.Choose(1, 60)
                       from steps in Gen.ArrayOf(step, length)
                       select steps;

        Prop.ForAll(sequence.ToArbitrary(), steps =>
        {
            using var rig = new SafetyRig();
            bool stopped = false, ackValid = false, lineWasOpen = false;
            long expectedEvents = 0;
            foreach (var s in steps)
            {
                // Reference model, in the supervisor's order: acknowledgement, re-enable, then the line.
                if (s.Acknowledge) ackValid = true;
                if (s.ReEnable && stopped && ackValid && !s.LineOpen)
                {
                    stopped = false;
                    ackValid = false;
                    expectedEvents++;   // Recovered
                }
                bool entered = s.LineOpen && !stopped;
                if (entered)
                {
                    stopped = true;
                    ackValid = false;
                    expectedEvents++;   // EmergencyStop (entering)
                }
                if (s.LineOpen != lineWasOpen && !entered) expectedEvents++;   // the line's own edge
                lineWasOpen = s.LineOpen;

                if (s.Acknowledge) rig.Supervisor.Acknowledge();
                if (s.ReEnable) rig.Supervisor.ReEnable();
                rig.Inputs.EStopInputOpen = s.LineOpen;
                rig.Step(SafetyRig.PositionCommand(0));

                var state = rig.Supervisor.State;
                if (stopped != (state == SafetyState.EmergencyStop)) return false.Label($"state {state}, model stopped={stopped} after {s}");
                if (s.LineOpen && rig.Written.Mode != ControlMode.Hold) return false.Label($"line open but {rig.Written.Mode} written");
                if (rig.Supervisor.LastEventSequence != expectedEvents)
                    return false.Label($"{rig.Supervisor.LastEventSequence} events, expected {expectedEvents} after {s}");
            }
            return true.ToProperty();
        }).QuickCheckThrowOnFailure();
    }
}
