namespace Controller.Hardware.Protocols.EtherCat.Mailbox;

/// <summary>Human-readable SDO abort codes.</summary>
public static class SdoAbortCodes
{
    /// <summary>"0x06020000 ObjectDoesNotExist", or "0x12345678 unknown" for codes outside the table.</summary>
    public static string Describe(uint code) => Enum.IsDefined((SdoAbortCode)code)
        ? $"0x{code:X8} {(SdoAbortCode)code}"
        : $"0x{code:X8} unknown";
}
