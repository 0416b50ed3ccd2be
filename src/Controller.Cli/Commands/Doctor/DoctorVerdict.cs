using System.Globalization;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Commands.Doctor;

/// <summary>
/// What the hardware findings mean for the robot the doctor was asked about (<c>--robot</c>): a finding <b>blocks</b> when
/// that robot needs what it reports missing (a refused raw socket and a real EtherCAT bus; no SocketCAN and a real CAN bus
/// on a SocketCAN interface; no ONNX Runtime and a brain; an FTDI latency timer longer than the loop period on a real
/// serial bus's adapter). Every other finding that is not ok is an <b>advisory</b>. Without a robot nothing blocks: the
/// doctor cannot tell what is needed, and says which advisories would block which kind of robot.
/// </summary>
/// <param name="Blocking">The findings that stop the robot, each with why.</param>
/// <param name="Advisories">The findings worth fixing that do not stop it.</param>
/// <param name="Robot">The robot judged for, or null.</param>
public sealed record DoctorVerdict(IReadOnlyList<(DoctorFinding Finding, string Reason)> Blocking, IReadOnlyList<DoctorFinding> Advisories, string? Robot)
{
    /// <summary>The exit code of <c>robotctl doctor</c> when a finding blocks the robot.</summary>
    public const int BlockedExitCode = 1;

    /// <summary>0, or <see cref="BlockedExitCode"/> when a finding blocks the robot.</summary>
    public int ExitCode => Blocking.Count > 0 ? BlockedExitCode : 0;

    /// <summary>The hardware half of the verdict line, e.g. <c>hardware: ok with 2 advisories</c>.</summary>
    public string Line
    {
        get
        {
            if (Blocking.Count > 0)
            {
                return $"hardware: {Blocking.Count} blocking {Robot}: {string.Join("; ", Blocking.Select(b => $"{b.Finding.Check} ({b.Reason})"))}; {Advisories.Count} advisories";
            }

            string line = $"hardware: ok with {Advisories.Count} advisories";
            int fails = Advisories.Count(a => a.Status == DoctorStatus.Fail);
            return Robot is null && fails > 0 ? $"{line} ({fails} would block a robot that needs them; name it with --robot)" : line;
        }
    }

    /// <summary>Sorts <paramref name="findings"/> into blocking and advisory for <paramref name="robot"/> (null: no robot named).</summary>
    public static DoctorVerdict Judge(IReadOnlyList<DoctorFinding> findings, RobotConfig? robot)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var blocking = new List<(DoctorFinding, string)>();
        var advisories = new List<DoctorFinding>();
        foreach (DoctorFinding finding in findings.Where(f => f.Status != DoctorStatus.Ok))
        {
            if (robot is not null && BlockReason(finding, robot) is { } reason)
            {
                blocking.Add((finding, reason));
            }
            else
            {
                advisories.Add(finding);
            }
        }

        return new DoctorVerdict(blocking, advisories, robot?.Name);
    }

    private static string? BlockReason(DoctorFinding finding, RobotConfig robot)
    {
        var real = robot.Buses.Where(b => !b.IsSimulated).ToArray();
        if (finding.Check.StartsWith("raw socket", StringComparison.Ordinal) && finding.Status == DoctorStatus.Fail)
        {
            return Needed(real.Where(b => b.IsEtherCat), "EtherCAT");
        }

        if (finding.Check.StartsWith("can kernel support", StringComparison.Ordinal) && finding.Status == DoctorStatus.Fail)
        {
            return Needed(real.Where(b => b.IsCan && !b.OverSlcan), "SocketCAN");
        }

        if (finding.Check.StartsWith("onnxruntime", StringComparison.Ordinal) && finding.Status == DoctorStatus.Fail)
        {
            return robot.Brain is { } brain && (brain.Planner is not null || brain.Policy is not null) ? "the brain's models run on ONNX Runtime" : null;
        }

        if (finding.Check.StartsWith("ftdi latency_timer ", StringComparison.Ordinal) && LeadingMs(finding.Value) is int ms)
        {
            double periodMs = 1000 / robot.Loop.RateHz;
            string tty = finding.Check["ftdi latency_timer ".Length..];
            var serial = real.Where(b => b.Type is "dynamixel" or "feetech" && PortIs(b.Port, tty));
            return ms > periodMs ? Needed(serial, FormattableString.Invariant($"a {ms} ms reply latency, longer than the {periodMs:0.###} ms loop period, on")) : null;
        }

        return null;
    }

    private static string? Needed(IEnumerable<BusConfig> buses, string what)
    {
        string names = string.Join(", ", buses.Select(b => $"'{b.Name}'"));
        return names.Length == 0 ? null : $"{what} bus {names}";
    }

    private static int? LeadingMs(string value)
    {
        int end = 0;
        while (end < value.Length && char.IsAsciiDigit(value[end])) end++;
        return end > 0 && int.TryParse(value.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture, out int ms) ? ms : null;
    }

    // The port may be a /dev/serial/by-id link: follow it to the ttyUSBn the finding names.
    private static bool PortIs(string port, string tty)
    {
        string resolved = port;
        try
        {
            if (File.ResolveLinkTarget(port, returnFinalTarget: true) is { } target) resolved = target.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
        }

        return Path.GetFileName(resolved) == tty;
    }
}
