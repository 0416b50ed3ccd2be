using System.Globalization;

namespace Controller.Cli.Commands.Doctor;

/// <summary>
/// The FTDI <c>latency_timer</c> of every USB serial adapter (<c>/sys/bus/usb-serial/devices/ttyUSB*/latency_timer</c>).
/// The ftdi_sio default of 16 ms holds every servo reply in the adapter for up to 16 ms: a 1 kHz bus loop needs 1 ms.
/// </summary>
public static class FtdiLatencyCheck
{
    /// <summary>The udev rule that sets 1 ms on every FTDI adapter when it is plugged in.</summary>
    public const string UdevRule = "ACTION==\"add\", SUBSYSTEM==\"usb-serial\", DRIVER==\"ftdi_sio\", ATTR{latency_timer}=\"1\"";

    /// <summary>One finding per adapter under <paramref name="sysRoot"/> (normally <c>/sys</c>), or one saying there is none.</summary>
    public static IReadOnlyList<DoctorFinding> Check(string sysRoot)
    {
        string devices = Path.Combine(sysRoot, "bus", "usb-serial", "devices");
        var timers = Directory.Exists(devices)
            ? Directory.GetDirectories(devices).Order(StringComparer.Ordinal)
                .Select(dir => (Tty: Path.GetFileName(dir), File: Path.Combine(dir, "latency_timer")))
                .Where(d => File.Exists(d.File)).ToList()
            : [];
        if (timers.Count == 0)
            return [new DoctorFinding("ftdi latency_timer", DoctorStatus.Ok, "no USB serial adapter with a latency timer (none plugged in, or not FTDI)")];
        return timers.Select(t => Assess(t.Tty, SafeRead(t.File))).ToList();
    }

    /// <summary>Judges the text of one adapter's <c>latency_timer</c> file (null: unreadable).</summary>
    public static DoctorFinding Assess(string tty, string? text)
    {
        string check = $"ftdi latency_timer {tty}";
        string fix = $"echo 1 | sudo tee /sys/bus/usb-serial/devices/{tty}/latency_timer; to keep it: echo '{UdevRule}' | sudo tee /etc/udev/rules.d/99-ftdi-latency.rules && sudo udevadm control --reload";
        if (!int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int ms))
            return new DoctorFinding(check, DoctorStatus.Warn, $"unreadable ({(text is null ? "cannot read the file" : $"'{text.Trim()}'")})", fix);
        return ms <= 1
            ? new DoctorFinding(check, DoctorStatus.Ok, $"{ms} ms")
            : new DoctorFinding(check, DoctorStatus.Warn, $"{ms} ms: every reply waits up to {ms} ms in the adapter", fix);
    }

    private static string? SafeRead(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
