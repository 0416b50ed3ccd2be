namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>Names categories for messages, including ones this parser keeps raw.</summary>
internal static class SiiCategoryNames
{
    public static string Describe(ushort type) => Enum.IsDefined((SiiCategoryType)type)
        ? $"{(SiiCategoryType)type} ({type})"
        : type is >= 1 and <= 9 ? $"device-specific ({type})" : $"unknown ({type})";
}
