namespace Controller.Hardware.Protocols.EtherCat.Esc;

/// <summary>Human-readable AL status codes for logs and the CLI.</summary>
public static class AlStatusCodes
{
    /// <summary>
    /// "0x001B SyncManagerWatchdog"; vendor-specific codes (0x8000 and above) and codes the table does not
    /// name are described as such instead of failing.
    /// </summary>
    public static string Describe(ushort code)
    {
        if (Enum.IsDefined((AlStatusCode)code))
            return $"0x{code:X4} {(AlStatusCode)code}";
        return code >= 0x8000 ? $"0x{code:X4} vendor-specific" : $"0x{code:X4} unknown";
    }
}
