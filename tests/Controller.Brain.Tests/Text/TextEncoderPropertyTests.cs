using System.Text;
using Controller.Brain.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Brain.Tests.Text;

/// <summary>Any text, for every tokenizer family: exactly max_length ids, all in the vocabulary, a mask that matches, no exception.</summary>
public class TextEncoderPropertyTests
{
    private static readonly ITextEncoder[] Encoders =
        [TextFixtures.WordPiece(), TextFixtures.WordPiece(addSpecialTokens: false, lowercase: false), TextFixtures.Bpe(), TextFixtures.Bpe(addSpecialTokens: true), TextFixtures.Words(), SentencePiece()];

    private static ITextEncoder SentencePiece()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sp-{Guid.NewGuid():N}.model");
        File.WriteAllBytes(path, SentencePieceFixture.ModelBytes());
        try { return TextEncoderLoader.Load(new TokenizerSettings(TokenizerKind.SentencePiece, path, null, false, true, null, null, null, null, null)); }
        finally { File.Delete(path); }
    }

    private static readonly string[] Words = ["put", "the", "red", "cube", "in", "bin", "##s", "[CLS]", "[SEP]", "[PAD]", "<s>", "</s>", "<unk>", "cubes", "É", "日本", "🤖"];

    /// <summary>Random UTF-16 (lone surrogates, controls, NUL included), vocabulary words and special-token spellings, empty, or very long.</summary>
    private static string RandomText(Random rng)
    {
        int length = rng.Next(6) switch { 0 => 0, 1 => rng.Next(20_000, 60_000), _ => rng.Next(1, 200) };
        var sb = new StringBuilder(length);
        while (sb.Length < length)
        {
            switch (rng.Next(4))
            {
                case 0: sb.Append((char)rng.Next(0, 0x10000)); break;
                case 1: sb.Append(Words[rng.Next(Words.Length)]); break;
                case 2: sb.Append(" \t\n\r,.!?"[rng.Next(8)]); break;
                default: sb.Append(char.ConvertFromUtf32(rng.Next(0x1F300, 0x1F6FF))); break;
            }
        }
        return sb.ToString();
    }

    [Fact]
    public void Encode_AnyText_ExactlyMaxLengthIdsInVocabularyAndConsistentMask()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var encoder = Encoders[rng.Next(Encoders.Length)];
            int maxLength = rng.Next(encoder.SpecialTokenCount + 1, 65);
            string text = RandomText(rng);
            var ids = new long[maxLength + 4];
            var mask = new long[maxLength + 4];
            // Sentinels after the buffer: the encoder must write exactly max_length values, no more.
            ids.AsSpan(maxLength).Fill(-7);
            mask.AsSpan(maxLength).Fill(-7);
            int count = encoder.Encode(text, ids.AsSpan(0, maxLength), mask.AsSpan(0, maxLength));
            return count >= encoder.SpecialTokenCount && count <= maxLength
                && ids.Take(maxLength).All(id => id >= 0 && id < encoder.VocabularySize)
                && ids.Skip(count).Take(maxLength - count).All(id => id == encoder.PadId)
                && mask.Take(count).All(m => m == 1) && mask.Skip(count).Take(maxLength - count).All(m => m == 0)
                && ids.Skip(maxLength).All(v => v == -7) && mask.Skip(maxLength).All(v => v == -7);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Encode_SameTextTwice_SameIds()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var encoder = Encoders[rng.Next(Encoders.Length)];
            string text = RandomText(rng);
            return TextFixtures.Encode(encoder, text, 24).Ids.SequenceEqual(TextFixtures.Encode(encoder, text, 24).Ids);
        }).QuickCheckThrowOnFailure();
    }
}
