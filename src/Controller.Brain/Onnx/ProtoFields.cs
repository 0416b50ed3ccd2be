using Google.Protobuf;

namespace Controller.Brain.Onnx;

/// <summary>
/// Helpers over <see cref="CodedOutputStream"/> for the proto2 messages of onnx.proto: tags, and nested
/// messages written as length-delimited bytes (the child is encoded first so its length is known).
/// </summary>
internal static class ProtoFields
{
    /// <summary>Wire type 0: varint (int32, int64, enum).</summary>
    private const int Varint = 0;

    /// <summary>Wire type 2: length-delimited (string, bytes, message, packed repeated).</summary>
    private const int LengthDelimited = 2;

    /// <summary>Wire type 5: 32-bit (float).</summary>
    private const int Fixed32 = 5;

    public static void WriteInt64(CodedOutputStream output, int field, long value)
    {
        output.WriteTag(field, (WireFormat.WireType)Varint);
        output.WriteInt64(value);
    }

    public static void WriteFloat(CodedOutputStream output, int field, float value)
    {
        output.WriteTag(field, (WireFormat.WireType)Fixed32);
        output.WriteFloat(value);
    }

    public static void WriteString(CodedOutputStream output, int field, string? value)
    {
        if (value is null) return;
        output.WriteTag(field, (WireFormat.WireType)LengthDelimited);
        output.WriteString(value);
    }

    public static void WriteBytes(CodedOutputStream output, int field, byte[] value)
    {
        output.WriteTag(field, (WireFormat.WireType)LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(value));
    }

    /// <summary>Writes <paramref name="writeBody"/> as a nested message in field <paramref name="field"/>.</summary>
    public static void WriteMessage(CodedOutputStream output, int field, Action<CodedOutputStream> writeBody) =>
        WriteBytes(output, field, Encode(writeBody));

    /// <summary>Packed repeated int64 (one length-delimited field of varints).</summary>
    public static void WritePackedInt64(CodedOutputStream output, int field, IReadOnlyList<long> values)
    {
        if (values.Count == 0) return;
        WriteMessage(output, field, o => { foreach (long v in values) o.WriteInt64(v); });
    }

    /// <summary>Packed repeated float (one length-delimited field of little-endian floats).</summary>
    public static void WritePackedFloat(CodedOutputStream output, int field, IReadOnlyList<float> values)
    {
        if (values.Count == 0) return;
        WriteMessage(output, field, o => { foreach (float v in values) o.WriteFloat(v); });
    }

    /// <summary>Encodes a message body into bytes.</summary>
    public static byte[] Encode(Action<CodedOutputStream> writeBody)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            writeBody(output);
            output.Flush();
        }
        return buffer.ToArray();
    }
}
