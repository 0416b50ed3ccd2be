namespace Controller.Cli.Tests.Commands;

/// <summary><c>robotctl model check</c> names the manifest's tokenizer.</summary>
public sealed class ModelCheckTokenizerTests
{
    private static string Repo(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "models"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, relative);
    }

    [Fact]
    public void Check_ShippedPlanner_PrintsTokenizerTypeVocabularySizeAndMaxLength()
    {
        int words = File.ReadAllLines(Repo("models/demo-vocabulary.txt")).Count(l => l.Trim().Length > 0);

        var (code, output, error) = CliRunner.Run("model", "check", Repo("models/demo-planner.yaml"));

        Assert.True(code == 0, error);
        Assert.Contains($"tokenizer: word, vocabulary {words} ids (demo-vocabulary.txt), max_length 16, pad id 0, 0 special tokens, no attention mask", output);
    }

    [Fact]
    public void Check_ShippedPolicy_PrintsNoTokenizer()
    {
        var (code, output, error) = CliRunner.Run("model", "check", Repo("models/demo-policy.yaml"));

        Assert.True(code == 0, error);
        Assert.DoesNotContain("tokenizer:", output);
    }
}
