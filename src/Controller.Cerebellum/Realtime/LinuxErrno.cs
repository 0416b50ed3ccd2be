namespace Controller.Cerebellum.Realtime;

/// <summary>Linux errno numbers the real-time setup can meet, and their names.</summary>
internal static class LinuxErrno
{
    public const int EPERM = 1;
    public const int ESRCH = 3;
    public const int EAGAIN = 11;
    public const int ENOMEM = 12;
    public const int EFAULT = 14;
    public const int EINVAL = 22;
    public const int ENOSYS = 38;

    /// <summary>The symbolic name of <paramref name="errno"/> (e.g. <c>EPERM</c>), or <c>errno N</c> for others.</summary>
    public static string Name(int errno) => errno switch
    {
        EPERM => "EPERM",
        2 => "ENOENT",
        ESRCH => "ESRCH",
        4 => "EINTR",
        5 => "EIO",
        EAGAIN => "EAGAIN",
        ENOMEM => "ENOMEM",
        13 => "EACCES",
        EFAULT => "EFAULT",
        16 => "EBUSY",
        EINVAL => "EINVAL",
        ENOSYS => "ENOSYS",
        95 => "EOPNOTSUPP",
        _ => $"errno {errno}",
    };
}
