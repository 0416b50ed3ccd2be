using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Devices;

public class MappedJointBusDriverTests
{
    [Fact]
    public void WriteThenRead_AnyMapping_JointValuesRoundTrip()
    {
        // The fake driver echoes what it was last commanded as its measurement, in motor units: writing joint
        // values through the mapping and reading them back must return the joint values.
        var gen = from gear in Gen.Elements(1.0, -1.0, 2.5, 100.0, -9.0)
                  from offset in Gen.Choose(-300, 300).Select(x => x / 100.0)
                  from direction in Gen.Elements(1, -1)
                  from q in Gen.Choose(-3000, 3000).Select(x => x / 1000.0)
                  from tau in Gen.Choose(-500, 500).Select(x => x / 100.0)
                  select (gear, offset, direction, q, tau);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var inner = new FakeJointBusDriver(2) { EchoCommand = true };
            var mapped = new MappedJointBusDriver(inner, [JointMapping.Identity, new JointMapping(c.gear, c.offset, c.direction)]);
            var command = new JointCommand { JointCount = 3, Mode = ControlMode.Position };
            command.Position[2] = c.q;
            command.Effort[2] = c.tau;
            mapped.Write(command, 1);
            var state = new JointState { JointCount = 3 };
            mapped.Read(ref state, 1);
            Assert.Equal(c.q, state.Position[2], 9);
            Assert.Equal(c.tau, state.Effort[2], 9);
            Assert.Equal(c.direction * c.gear * (c.q - c.offset), inner.LastCommand.Position[2], 9);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Constructor_ZeroGear_ThrowsNamingTheBus()
    {
        var e = Assert.Throws<ArgumentException>(() => new MappedJointBusDriver(new FakeJointBusDriver(1), [new JointMapping(0, 0, 1)]));
        Assert.Contains("fake", e.Message);
    }
}
