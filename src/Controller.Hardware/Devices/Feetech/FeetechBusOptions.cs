using Controller.Hardware.Protocols.Feetech;

namespace Controller.Hardware.Devices.Feetech;

/// <summary>
/// Configuration of one Feetech STS3215 group: the port, the servos (in joint order), the operating mode and the
/// cycle's timing. <see cref="Validate"/> throws for anything out of range, naming the value and the range.
/// </summary>
public sealed record FeetechBusOptions
{
    /// <summary>Name for messages and telemetry.</summary>
    public string Name { get; init; } = "feetech";

    /// <summary>Serial device, e.g. <c>/dev/ttyACM0</c> (Waveshare/URT-1 adapter) or a twin's <c>/dev/pts/N</c>.</summary>
    public string PortName { get; init; } = "";

    /// <summary>Line speed; the servos' Baud_Rate (address 6) must match (1 Mbps is code 0, the STS3215 default).</summary>
    public int BaudRate { get; init; } = 1_000_000;

    /// <summary>Servos in joint order: servo i is joint offset + i.</summary>
    public IReadOnlyList<FeetechServoConfig> Servos { get; init; } = [];

    /// <summary>Position (Goal_Position, position commands) or Velocity (Goal_Velocity, velocity commands); PWM and step modes are refused.</summary>
    public FeetechOperatingMode OperatingMode { get; init; } = FeetechOperatingMode.Position;

    /// <summary>How long a cycle's read waits for every status packet after the request is sent.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Consecutive cycles a servo may miss before it is reported lost (<c>BusStatus.DeviceLost</c>).</summary>
    public int LostAfterMissedReplies { get; init; } = 3;

    /// <summary>Pings per servo on Open before it is declared absent.</summary>
    public int PingAttempts { get; init; } = 3;

    /// <summary>Model number every servo must report (address 3); the STS3215's is 777.</summary>
    public ushort ModelNumber { get; init; } = StsControlTable.Sts3215ModelNumber;

    /// <summary>On Open, write each servo's calibration (Homing_Offset, Min/Max_Position_Limit) where it differs, as LeRobot's write_calibration does.</summary>
    public bool WriteCalibration { get; init; } = true;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">Naming the bad value and the allowed range.</exception>
    public void Validate()
    {
        string where = $"feetech bus '{Name}'";
        if (Servos.Count is < 1 or > 64)
            throw new ArgumentException($"{where}: servo count must be between 1 and 64; it is {Servos.Count}.", nameof(Servos));
        foreach (var s in Servos)
        {
            if (s.Id > FeetechPacket.MaxDeviceId)
                throw new ArgumentException($"{where}: servo id {s.Id} must be between 0 and {FeetechPacket.MaxDeviceId}.", nameof(Servos));
            if (s.Calibration is { } c)
            {
                c.Validate($"{where} servo id {s.Id}");
                if (c.Id != s.Id)
                    throw new ArgumentException($"{where}: servo id {s.Id} has a calibration for id {c.Id}.", nameof(Servos));
            }
        }
        var duplicate = Servos.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"{where}: servo id {duplicate.Key} appears twice.", nameof(Servos));
        if (OperatingMode is not (FeetechOperatingMode.Position or FeetechOperatingMode.Velocity))
            throw new ArgumentException($"{where}: operating mode {OperatingMode} is not supported; the STS3215 group driver runs Position or Velocity.", nameof(OperatingMode));
        if (BaudRate is < 9600 or > 1_000_000)
            throw new ArgumentException($"{where}: baud rate must be between 9600 and 1000000 (the STS3215's fastest); it is {BaudRate}.", nameof(BaudRate));
        if (ReplyTimeout <= TimeSpan.Zero || ReplyTimeout > TimeSpan.FromSeconds(1))
            throw new ArgumentException($"{where}: reply timeout must be in (0, 1 s]; it is {ReplyTimeout.TotalMilliseconds} ms.", nameof(ReplyTimeout));
        if (LostAfterMissedReplies is < 1 or > 1000)
            throw new ArgumentException($"{where}: lost-after-missed-replies must be between 1 and 1000; it is {LostAfterMissedReplies}.", nameof(LostAfterMissedReplies));
        if (PingAttempts is < 1 or > 100)
            throw new ArgumentException($"{where}: ping attempts must be between 1 and 100; it is {PingAttempts}.", nameof(PingAttempts));
    }
}
