using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Cia402;
using Controller.Hardware.Devices.Mit;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.Mit;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Can;
using Controller.Hardware.Simulation.Cia402;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Time;
using Controller.Robotics.Model;
using Controller.Runtime.Configuration;
using Controller.Runtime.Simulation;

namespace Controller.Runtime.Assembly;

/// <summary>
/// Builds a CAN bus (<c>type: cia402-can</c> or <c>mit-can</c>) on a SocketCAN interface, an SLCAN adapter, or — for
/// <c>interface: sim</c> — a <see cref="CanTwinHost"/> whose CiA 402 / MIT twins drive the plant's joints on an
/// in-process virtual bus, the driver attached as one more node of that bus.
/// </summary>
internal static class CanBusFactory
{
    /// <summary>
    /// Consecutive cycles without a reply before a simulated bus counts its devices lost. The twin host thread ticks
    /// in whole milliseconds of <see cref="Thread.Sleep(int)"/>, so a reply now and then lands a cycle late, and on a
    /// loaded host the twin thread may not run for tens of milliseconds (each such cycle is a counted timeout); a real
    /// bus keeps the driver's default (3).
    /// </summary>
    public const int SimulatedMaxMissedCycles = 50;

    /// <summary>
    /// The servo loop of a simulated CiA 402 drive (CAN or EtherCAT), at the joint: stiffer than the twin's default
    /// (40 N·m/rad) so that a drive holds a heavy link, e.g. the G1's waist pitch carrying the torso and arms, within a
    /// few hundredths of a radian; damped lightly enough to stay stable with the torque held between 2 ms frames.
    /// </summary>
    public static readonly Cia402TwinOptions SimulatedDriveServo = new() { PositionGainNmPerRad = 200, VelocityGainNmsPerRad = 5 };

    public static JointBus Build(BusConfig bus, RobotModel model, ISimulatedPlant? plant, List<IDisposable> owned)
    {
        int offset = model.JointIndex(bus.Servos[0].Joint);
        bool cia402 = bus.Type == "cia402-can";
        IMonotonicClock clock = MonotonicClock.Instance;
        ICanChannel channel;
        if (bus.IsSimulated)
        {
            if (plant is null)
            {
                throw new InvalidOperationException($"bus '{bus.Name}' has interface 'sim' but the configuration has no plant: add a plant: section or name a real interface");
            }

            // The runtime's plant stepper steps the physics; the host only ticks the bus and the twins, every 250 µs at the
            // twins' real-time priority, so a command frame is answered well before the driver's next read (a real
            // MIT motor answers within a frame time, ~130 µs at 1 Mbit/s).
            var host = new CanTwinHost(plant, clock, periodNs: 250_000, stepPlant: null)
            {
                OnThreadStart = () => SimulationThreads.RaisePriority(SimulationThreads.TwinPriority),
            };
            owned.Add(host);
            foreach (ServoConfig s in bus.Servos)
            {
                if (cia402)
                {
                    host.AddCia402Drive((byte)s.Id, model.JointIndex(s.Joint), ScalingOf(s), SimulatedDriveServo);
                }
                else
                {
                    host.AddMitActuator((byte)s.Id, MitActuatorModel.ByName(s.Model), model.JointIndex(s.Joint));
                }
            }

            channel = host.AddNode(bus.Name);
            host.Start();
        }
        else if (bus.OverSlcan)
        {
            var slcan = SlcanChannel.OnSerialPort(bus.Port, clock);
            owned.Add(slcan);
            slcan.Open(bus.Baud);
            channel = slcan;
        }
        else
        {
            // SocketCAN: the interface's bit rate is set outside (`ip link set can0 up type can bitrate 1000000`).
            channel = new SocketCanChannel(bus.Port, clock);
            owned.Add(channel);
        }

        int maxMissed = bus.IsSimulated ? SimulatedMaxMissedCycles : 3;
        IJointBusDriver driver = cia402
            ? new Cia402CanDriver(bus.Name, channel, bus.Servos.Select(s => new Cia402DriveConfig((byte)s.Id, ScalingOf(s))).ToArray(), clock,
                new Cia402BusOptions { MaxMissedCycles = maxMissed })
            : new MitGroupDriver(bus.Name, channel, bus.Servos.Select(s => new MitActuatorConfig((byte)s.Id, MitActuatorModel.ByName(s.Model))).ToArray(), clock,
                new MitBusOptions
                {
                    MaxMissedCycles = maxMissed,
                    // Replies still on the wire when the next read comes early (after an overrun) are waited for, not
                    // counted missing: the group's wire time, the motors' turnaround, and for twins the host's scheduler.
                    ReplyTimeoutNs = TwinTiming.MitExchangeWireNs(bus.Servos.Count, bus.Baud) + TwinTiming.MitTurnaroundNs
                        + (bus.IsSimulated ? TwinTiming.InProcessAllowanceNs : 0),
                });

        // A CiA 402 drive's gear ratio is in its scaling; an MIT motor reports its own output shaft, so a further gear maps here.
        var mappings = bus.Servos.Select(s => new JointMapping(cia402 ? 1 : s.GearRatio, s.OffsetRad, s.Direction)).ToArray();
        if (mappings.Any(m => !m.IsIdentity))
        {
            driver = new MappedJointBusDriver(driver, mappings);
        }

        return new JointBus(driver, offset);
    }

    /// <summary>The CiA 402 scaling of a drive entry (increments per motor revolution, gear, rated torque).</summary>
    public static Cia402Scaling ScalingOf(ServoConfig s) => new(s.IncrementsPerRev, s.GearRatio, s.RatedTorqueNm);
}
