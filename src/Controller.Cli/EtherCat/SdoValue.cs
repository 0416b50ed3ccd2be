using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Controller.Cli.EtherCat;

/// <summary>Typed SDO values for the command line: parse a value to little-endian bytes, format bytes back.</summary>
public static class SdoValue
{
    /// <summary>The types <c>--type</c> accepts.</summary>
    public static IReadOnlyList<string> Types { get; } = ["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "f32", "f64", "string", "hex"];

    /// <summary>Parses "0x1008:00" or "0x1008:0" (index hex, subindex hex or decimal with 0x) into index and subindex.</summary>
    /// <returns>False with a reason when malformed.</returns>
    public static bool TryParseAddress(string text, out ushort index, out byte subIndex, out string problem)
    {
        index = 0;
        subIndex = 0;
        problem = "";
        var parts = text.Split(':');
        if (parts.Length != 2 || !TryParseInteger(parts[0], out ulong i, defaultHex: true) || i > 0xFFFF || !TryParseInteger(parts[1], out ulong s, defaultHex: true) || s > 0xFF)
        {
            problem = $"'{text}' is not an object address; write INDEX:SUBINDEX in hex, e.g. 0x1008:00 (index 0..0xFFFF, subindex 0..0xFF)";
            return false;
        }
        (index, subIndex) = ((ushort)i, (byte)s);
        return true;
    }

    /// <summary>Encodes <paramref name="value"/> as <paramref name="type"/>.</summary>
    /// <exception cref="FormatException">The value does not fit the type (message names both).</exception>
    public static byte[] Encode(string value, string type)
    {
        byte[] Bytes(int n, Action<Span<byte>> write) { var b = new byte[n]; write(b); return b; }
        ulong Unsigned(ulong max) => TryParseInteger(value, out ulong v) && v <= max ? v : throw Bad(value, type);
        long Signed(long min, long max) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) && v >= min && v <= max ? v : throw Bad(value, type);
        return type switch
        {
            "u8" => [(byte)Unsigned(byte.MaxValue)],
            "u16" => Bytes(2, b => BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)Unsigned(ushort.MaxValue))),
            "u32" => Bytes(4, b => BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)Unsigned(uint.MaxValue))),
            "u64" => Bytes(8, b => BinaryPrimitives.WriteUInt64LittleEndian(b, Unsigned(ulong.MaxValue))),
            "i8" => [(byte)(sbyte)Signed(sbyte.MinValue, sbyte.MaxValue)],
            "i16" => Bytes(2, b => BinaryPrimitives.WriteInt16LittleEndian(b, (short)Signed(short.MinValue, short.MaxValue))),
            "i32" => Bytes(4, b => BinaryPrimitives.WriteInt32LittleEndian(b, (int)Signed(int.MinValue, int.MaxValue))),
            "i64" => Bytes(8, b => BinaryPrimitives.WriteInt64LittleEndian(b, Signed(long.MinValue, long.MaxValue))),
            "f32" => Bytes(4, b => BinaryPrimitives.WriteSingleLittleEndian(b, float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out float f) ? f : throw Bad(value, type))),
            "f64" => Bytes(8, b => BinaryPrimitives.WriteDoubleLittleEndian(b, double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : throw Bad(value, type))),
            "string" => Encoding.UTF8.GetBytes(value),
            "hex" => ParseHex(value) ?? throw Bad(value, type),
            _ => throw new FormatException($"--type '{type}' is unknown; known: {string.Join(", ", Types)}"),
        };
    }

    /// <summary>Formats bytes as <paramref name="type"/>, or (null) as hex plus the unsigned value when 1, 2, 4 or 8 bytes, plus text when printable.</summary>
    public static string Format(byte[] data, string? type)
    {
        string hex = Convert.ToHexString(data).ToLowerInvariant();
        string Sized(int n, Func<string> format) => data.Length == n ? format() : $"{hex} ({data.Length} bytes, not {n} for this type)";
        var d = data;
        return type switch
        {
            "u8" => Sized(1, () => d[0].ToString(CultureInfo.InvariantCulture)),
            "u16" => Sized(2, () => BinaryPrimitives.ReadUInt16LittleEndian(d).ToString(CultureInfo.InvariantCulture)),
            "u32" => Sized(4, () => BinaryPrimitives.ReadUInt32LittleEndian(d).ToString(CultureInfo.InvariantCulture)),
            "u64" => Sized(8, () => BinaryPrimitives.ReadUInt64LittleEndian(d).ToString(CultureInfo.InvariantCulture)),
            "i8" => Sized(1, () => ((sbyte)d[0]).ToString(CultureInfo.InvariantCulture)),
            "i16" => Sized(2, () => BinaryPrimitives.ReadInt16LittleEndian(d).ToString(CultureInfo.InvariantCulture)),
            "i32" => Sized(4, () => BinaryPrimitives.ReadInt32LittleEndian(d).ToString(CultureInfo.InvariantCulture)),
            "i64" => Sized(8, () => BinaryPrimitives.ReadInt64LittleEndian(d).ToString(CultureInfo.InvariantCulture)),
            "f32" => Sized(4, () => BinaryPrimitives.ReadSingleLittleEndian(d).ToString(CultureInfo.InvariantCulture)),
            "f64" => Sized(8, () => BinaryPrimitives.ReadDoubleLittleEndian(d).ToString(CultureInfo.InvariantCulture)),
            "string" => Encoding.UTF8.GetString(d).TrimEnd('\0'),
            "hex" => hex,
            _ => Guess(d, hex),
        };
    }

    private static string Guess(byte[] d, string hex)
    {
        string text = d.Length switch
        {
            1 => $"{hex} = {d[0]}",
            2 => $"{hex} = {BinaryPrimitives.ReadUInt16LittleEndian(d)} (0x{BinaryPrimitives.ReadUInt16LittleEndian(d):x4})",
            4 => $"{hex} = {BinaryPrimitives.ReadUInt32LittleEndian(d)} (0x{BinaryPrimitives.ReadUInt32LittleEndian(d):x8})",
            8 => $"{hex} = {BinaryPrimitives.ReadUInt64LittleEndian(d)}",
            _ => hex,
        };
        bool printable = d.Length > 1 && d.All(b => b is >= 0x20 and < 0x7F or 0);
        return printable ? $"{text} \"{Encoding.ASCII.GetString(d).TrimEnd('\0')}\"" : text;
    }

    private static bool TryParseInteger(string text, out ulong value, bool defaultHex = false)
    {
        text = text.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return ulong.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        return defaultHex
            ? ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static byte[]? ParseHex(string text)
    {
        string clean = text.Replace(" ", "", StringComparison.Ordinal).Replace("0x", "", StringComparison.OrdinalIgnoreCase);
        try
        {
            return clean.Length > 0 ? Convert.FromHexString(clean) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static FormatException Bad(string value, string type) => new($"'{value}' is not a valid {type} value");
}
