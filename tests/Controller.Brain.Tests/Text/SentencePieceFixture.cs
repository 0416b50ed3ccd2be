using Google.Protobuf;

namespace Controller.Brain.Tests.Text;

/// <summary>
/// A hand-made SentencePiece unigram model, written field by field from sentencepiece_model.proto
/// (ModelProto: 1 pieces {1 piece, 2 score, 3 type}, 2 trainer_spec {3 model_type, 40 unk_id, 41 bos_id, 42 eos_id},
/// 3 normalizer_spec {1 name, 3 add_dummy_prefix, 4 remove_extra_whitespaces, 5 escape_whitespaces}).
/// Ids: 0 &lt;unk&gt;, 1 &lt;s&gt;, 2 &lt;/s&gt;, 3 ▁put, 4 ▁the, 5 ▁red, 6 ▁cube, 7 ▁in, 8 ▁bin, 9 s, 10 ▁, 11 b, 12 i, 13 n.
/// Whole words score −1, "s" −2, "▁" −3, letters −4, so the best segmentation of a known word is the word.
/// </summary>
internal static class SentencePieceFixture
{
    private const int Normal = 1, Unknown = 2, Control = 3, Unigram = 1;

    private static readonly (string Piece, float Score, int Type)[] Pieces =
    [
        ("<unk>", 0, Unknown), ("<s>", 0, Control), ("</s>", 0, Control),
        ("\u2581put", -1, Normal), ("\u2581the", -1, Normal), ("\u2581red", -1, Normal), ("\u2581cube", -1, Normal),
        ("\u2581in", -1, Normal), ("\u2581bin", -1, Normal), ("s", -2, Normal), ("\u2581", -3, Normal),
        ("b", -4, Normal), ("i", -4, Normal), ("n", -4, Normal),
    ];

    public static byte[] ModelBytes()
    {
        using var model = new MemoryStream();
        var o = new CodedOutputStream(model);
        foreach (var (piece, score, type) in Pieces)
        {
            WriteMessage(o, 1, p =>
            {
                p.WriteTag(1, WireFormat.WireType.LengthDelimited);
                p.WriteString(piece);
                p.WriteTag(2, WireFormat.WireType.Fixed32);
                p.WriteFloat(score);
                p.WriteTag(3, WireFormat.WireType.Varint);
                p.WriteInt32(type);
            });
        }
        WriteMessage(o, 2, t =>
        {
            foreach (var (field, value) in new[] { (3, Unigram), (40, 0), (41, 1), (42, 2) })
            {
                t.WriteTag(field, WireFormat.WireType.Varint);
                t.WriteInt32(value);
            }
        });
        WriteMessage(o, 3, n =>
        {
            n.WriteTag(1, WireFormat.WireType.LengthDelimited);
            n.WriteString("identity");
            foreach (int field in new[] { 3, 4, 5 })
            {
                n.WriteTag(field, WireFormat.WireType.Varint);
                n.WriteBool(true);
            }
        });
        o.Flush();
        return model.ToArray();
    }

    private static void WriteMessage(CodedOutputStream into, int field, Action<CodedOutputStream> body)
    {
        using var inner = new MemoryStream();
        var o = new CodedOutputStream(inner);
        body(o);
        o.Flush();
        into.WriteTag(field, WireFormat.WireType.LengthDelimited);
        into.WriteBytes(ByteString.CopyFrom(inner.ToArray()));
    }
}
