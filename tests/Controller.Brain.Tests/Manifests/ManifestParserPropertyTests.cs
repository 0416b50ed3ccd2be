using Controller.Brain.Manifests;
using Controller.Brain.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Brain.Tests.Manifests;

public class ManifestParserPropertyTests
{
    private const string Noise = ":-[]{}, \n#&*!|>'\"0123456789.e_abxyz";

    private static bool ParsesOrManifestException(string yaml, string folder)
    {
        try { ManifestParser.Parse(yaml, "fuzz.yaml", folder); return true; }
        catch (ManifestException e) { return e.Problems.Count > 0 && e.Problems.All(p => p.Length > 0); }
    }

    private static string Mutate(string text, Random rng)
    {
        int edits = rng.Next(1, 5);
        for (int i = 0; i < edits && text.Length > 0; i++)
        {
            int at = rng.Next(text.Length);
            switch (rng.Next(5))
            {
                case 0: text = text.Remove(at, Math.Min(rng.Next(1, 20), text.Length - at)); break;
                case 1: text = text.Insert(at, text.Substring(at, Math.Min(rng.Next(1, 30), text.Length - at))); break;
                case 2: text = text.Remove(at, 1).Insert(at, Noise[rng.Next(Noise.Length)].ToString()); break;
                case 3:
                    // Swap two lines: moves keys between mappings and breaks indentation.
                    var lines = text.Split('\n');
                    int a = rng.Next(lines.Length), b = rng.Next(lines.Length);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    text = string.Join('\n', lines);
                    break;
                default:
                    // Replace a number with an extreme or malformed one.
                    string[] numbers = ["0", "-1", "1e309", "NaN", "99999999999999999999", "2.5", "-0", ".inf", "0x10"];
                    int digit = text.IndexOfAny("0123456789".ToCharArray(), at);
                    if (digit >= 0) text = text.Remove(digit, 1).Insert(digit, numbers[rng.Next(numbers.Length)]);
                    break;
            }
        }
        return text;
    }

    [Fact]
    public void Parse_MutatedExamples_ParseOrThrowManifestException()
    {
        using var folder = new TempFolder();
        string[] texts = [File.ReadAllText(TestModels.WriteActExample(folder)), File.ReadAllText(TestModels.WritePlannerExample(folder)), File.ReadAllText(TestModels.WriteRecurrentExample(folder))];
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            return ParsesOrManifestException(Mutate(texts[rng.Next(texts.Length)], rng), folder.Path);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_RandomText_ThrowsManifestException()
    {
        using var folder = new TempFolder();
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var chars = new char[rng.Next(0, 200)];
            for (int i = 0; i < chars.Length; i++) chars[i] = rng.Next(4) == 0 ? (char)rng.Next(0, 0xD7FF) : Noise[rng.Next(Noise.Length)];
            return ParsesOrManifestException(new string(chars), folder.Path);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_ValidExamples_Parse()
    {
        using var folder = new TempFolder();
        foreach (string path in new[] { TestModels.WriteActExample(folder), TestModels.WritePlannerExample(folder), TestModels.WriteRecurrentExample(folder) })
            Assert.NotNull(ManifestParser.Load(path));
    }
}
