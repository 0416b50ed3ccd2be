namespace Controller.Cli.Commands.Doctor;

/// <summary>
/// Raw-socket capability (EtherCAT opens an AF_PACKET socket: root or CAP_NET_RAW) and SocketCAN kernel support
/// (PF_CAN socket, <c>/proc/net/can</c>), judged from the errno of a trial socket so the judgement is testable alone.
/// </summary>
public static class SocketChecks
{
    /// <summary>Judges the result of opening an AF_PACKET raw socket (0 or errno).</summary>
    public static DoctorFinding AssessRawSocket(int errno) => errno switch
    {
        0 => new DoctorFinding("raw socket (AF_PACKET)", DoctorStatus.Ok, "granted: EtherCAT can open a NIC"),
        DoctorSockets.Errno.NotPermitted or DoctorSockets.Errno.AccessDenied => new DoctorFinding("raw socket (AF_PACKET)", DoctorStatus.Fail,
            $"refused (errno {errno}): neither root nor CAP_NET_RAW",
            "run as root, or sudo setcap cap_net_raw+ep \"$(readlink -f \"$(command -v dotnet)\")\" (or on the published robotctl executable)"),
        DoctorSockets.Errno.NotSupportedOnThisOs => new DoctorFinding("raw socket (AF_PACKET)", DoctorStatus.Fail, "not Linux: no AF_PACKET", "run the controller on Linux"),
        _ => new DoctorFinding("raw socket (AF_PACKET)", DoctorStatus.Warn, $"socket() failed with errno {errno}", "check that the kernel has CONFIG_PACKET"),
    };

    /// <summary>Judges the result of opening a PF_CAN raw socket (0 or errno) and whether <c>/proc/net/can</c> exists.</summary>
    public static DoctorFinding AssessCan(int errno, bool procNetCan)
    {
        const string Fix = "sudo modprobe can can_raw vcan (to keep them: list can, can_raw, vcan in /etc/modules-load.d/can.conf)";
        string proc = procNetCan ? "/proc/net/can present" : "no /proc/net/can";
        return errno switch
        {
            0 => new DoctorFinding("can kernel support", DoctorStatus.Ok, $"PF_CAN socket opened; {proc}"),
            DoctorSockets.Errno.FamilyNotSupported => new DoctorFinding("can kernel support", DoctorStatus.Fail, $"PF_CAN not supported (can/can_raw not loaded); {proc}", Fix),
            DoctorSockets.Errno.NotSupportedOnThisOs => new DoctorFinding("can kernel support", DoctorStatus.Fail, "not Linux: no SocketCAN", "run the controller on Linux"),
            _ => new DoctorFinding("can kernel support", DoctorStatus.Warn, $"PF_CAN socket failed with errno {errno}; {proc}", Fix),
        };
    }
}
