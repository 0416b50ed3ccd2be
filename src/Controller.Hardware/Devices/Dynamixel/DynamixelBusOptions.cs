using Controller.Hardware.Protocols.Dynamixel;

namespace Controller.Hardware.Devices.Dynamixel;

/// <summary>
/// Configuration of one Dynamixel group: the port, the servos (in joint order), the operating mode they all run in,
/// and the cycle's timing. <see cref="Validate"/> throws for anything out of range, naming the value and the range.
/// </summary>
public sealed record DynamixelBusOptions
{
    /// <summary>Name for messages and telemetry.</summary>
    public string Name { get; init; } = "dynamixel";

    /// <summary>Serial device, e.g. <c>/dev/ttyUSB0</c> (U2D2) or a twin's <c>/dev/pts/N</c>.</summary>
    public string PortName { get; init; } = "";

    /// <summary>Line speed; the servos' Baud Rate (address 8) must match (1 Mbps is code 3).</summary>
    public int BaudRate { get; init; } = 1_000_000;

    /// <summary>Servos in joint order: servo i is joint offset + i.</summary>
    public IReadOnlyList<DynamixelServoConfig> Servos { get; init; } = [];

    /// <summary>
    /// Operating mode written on EnableDrives. Position, extended position and current-based position take position
    /// commands (Goal Position); Current takes effort commands (Goal Current); Velocity takes velocity commands.
    /// </summary>
    public DynamixelOperatingMode OperatingMode { get; init; } = DynamixelOperatingMode.Position;

    /// <summary>How long a cycle's read waits for every status packet after the request is sent.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Consecutive cycles a servo may miss before it is reported lost (<c>BusStatus.DeviceLost</c>).</summary>
    public int LostAfterMissedReplies { get; init; } = 3;

    /// <summary>Pings per servo on Open before it is declared absent.</summary>
    public int PingAttempts { get; init; } = 3;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">Naming the bad value and the allowed range.</exception>
    public void Validate()
    {
        string where = $"dynamixel bus '{Name}'";
        if (Servos.Count is < 1 or > 64)
            throw new ArgumentException($"{where}: servo count must be between 1 and 64; it is {Servos.Count}.", nameof(Servos));
        foreach (var s in Servos)
        {
            if (!DynamixelPacket.IsDeviceId(s.Id))
                throw new ArgumentException($"{where}: servo id {s.Id} must be between 0 and 252.", nameof(Servos));
            if (s.Model is null) throw new ArgumentException($"{where}: servo id {s.Id} has no model.", nameof(Servos));
            bool needsCurrent = OperatingMode is DynamixelOperatingMode.Current or DynamixelOperatingMode.CurrentBasedPosition;
            if (needsCurrent && !s.Model.HasCurrentSensing)
                throw new ArgumentException($"{where}: servo id {s.Id} ({s.Model.Name}) has no current sensing, so it cannot run in {OperatingMode} mode.", nameof(OperatingMode));
        }
        var duplicate = Servos.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"{where}: servo id {duplicate.Key} appears twice.", nameof(Servos));
        if (OperatingMode is DynamixelOperatingMode.Pwm || !Enum.IsDefined(OperatingMode))
            throw new ArgumentException($"{where}: operating mode {OperatingMode} is not supported; use Position, ExtendedPosition, CurrentBasedPosition, Velocity or Current.", nameof(OperatingMode));
        if (BaudRate is < 9600 or > 4_500_000)
            throw new ArgumentException($"{where}: baud rate must be between 9600 and 4500000; it is {BaudRate}.", nameof(BaudRate));
        if (ReplyTimeout <= TimeSpan.Zero || ReplyTimeout > TimeSpan.FromSeconds(1))
            throw new ArgumentException($"{where}: reply timeout must be in (0, 1 s]; it is {ReplyTimeout.TotalMilliseconds} ms.", nameof(ReplyTimeout));
        if (LostAfterMissedReplies is < 1 or > 1000)
            throw new ArgumentException($"{where}: lost-after-missed-replies must be between 1 and 1000; it is {LostAfterMissedReplies}.", nameof(LostAfterMissedReplies));
        if (PingAttempts is < 1 or > 100)
            throw new ArgumentException($"{where}: ping attempts must be between 1 and 100; it is {PingAttempts}.", nameof(PingAttempts));
    }
}
