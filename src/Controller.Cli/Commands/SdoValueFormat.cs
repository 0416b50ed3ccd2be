using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Controller.Cli.Commands;

/// <summary>
/// Parses and prints object addresses (<c>0xIIII:SS</c>) and values of the CiA 301 basic types for
/// <c>robotctl can sdo read|write</c>.
/// </summary>
internal static class SdoValueFormat
{
    /// <summary>The types <c>--type</c> accepts.</summary>
    public static readonly string[] Types = ["u8", "u16", "u32", "i8", "i16", "i32", "str"];

    /// <summary>Parses <c>0x6041:00</c>, <c>6041:0</c> or <c>0x1008</c> (sub-index 0); both parts hexadecimal.</summary>
    public static bool TryParseAddress(string text, out ushort index, out byte subIndex, out string error)
    {
        index = 0;
        subIndex = 0;
        string[] parts = text.Split(':');
        if (parts.Length > 2 || !TryHex(parts[0], 0xFFFF, out uint i) || (parts.Length == 2 && !TryHex(parts[1], 0xFF, out uint s0)))
        {
            error = $"object '{text}' is not an address; expected 0xIIII:SS (hexadecimal index 0x0000..0xFFFF, sub-index 0x00..0xFF).";
            return false;
        }
        index = (ushort)i;
        subIndex = parts.Length == 2 ? (byte)Convert.ToUInt32(Strip(parts[1]), 16) : (byte)0;
        error = "";
        return true;
    }

    /// <summary>Encodes <paramref name="text"/> as <paramref name="type"/> (little-endian, as CANopen sends it).</summary>
    public static bool TryEncode(string text, string type, out byte[] data, out string error)
    {
        data = [];
        error = "";
        if (type == "str")
        {
            data = Encoding.ASCII.GetBytes(text);
            return true;
        }
        var (size, signed) = SizeOf(type);
        long min = signed ? -(1L << (8 * size - 1)) : 0, max = signed ? (1L << (8 * size - 1)) - 1 : (1L << (8 * size)) - 1;
        bool parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long value)
            : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
        if (!parsed || value < min || value > max)
        {
            error = $"value '{text}' is not a {type}; allowed {min}..{max} (decimal or 0x hexadecimal).";
            return false;
        }
        data = new byte[size];
        for (int b = 0; b < size; b++) data[b] = (byte)(value >> (8 * b));
        return true;
    }

    /// <summary>Shows uploaded bytes as <paramref name="type"/>, or (no type) as hex bytes and, up to 4 bytes, their unsigned value.</summary>
    public static string Format(ReadOnlySpan<byte> data, string? type)
    {
        string hex = data.IsEmpty ? "(empty)" : Convert.ToHexString(data);
        if (type is null)
            return data.Length is > 0 and <= 4 ? $"{hex} (little-endian {Unsigned(data).ToString(CultureInfo.InvariantCulture)})" : $"{hex} \"{Printable(data)}\"";
        if (type == "str") return $"\"{Printable(data)}\"";
        var (size, signed) = SizeOf(type);
        if (data.Length != size) return $"{hex} (expected {size} byte(s) for {type}, got {data.Length})";
        long value = signed ? Signed(data) : (long)Unsigned(data);
        return $"{value.ToString(CultureInfo.InvariantCulture)} (0x{Convert.ToHexString(data.ToArray().Reverse().ToArray())})";
    }

    private static (int Size, bool Signed) SizeOf(string type) => type switch
    {
        "u8" => (1, false), "u16" => (2, false), "u32" => (4, false),
        "i8" => (1, true), "i16" => (2, true), "i32" => (4, true),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"known types: {string.Join(", ", Types)}."),
    };

    private static ulong Unsigned(ReadOnlySpan<byte> data)
    {
        Span<byte> padded = stackalloc byte[8];
        padded.Clear();
        data[..Math.Min(8, data.Length)].CopyTo(padded);
        return BinaryPrimitives.ReadUInt64LittleEndian(padded);
    }

    private static long Signed(ReadOnlySpan<byte> data)
    {
        int bits = 8 * data.Length;
        long raw = (long)Unsigned(data);
        return bits >= 64 ? raw : (raw << (64 - bits)) >> (64 - bits);
    }

    private static string Printable(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder(data.Length);
        foreach (byte b in data) text.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        return text.ToString().TrimEnd('.');
    }

    private static string Strip(string s) => s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? s[2..] : s;

    private static bool TryHex(string s, uint max, out uint value)
    {
        value = 0;
        string digits = Strip(s.Trim());
        return digits.Length is > 0 and <= 8 && uint.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value) && value <= max;
    }
}
