namespace Controller.Cli.Tests.Commands;

public sealed class ModelManifestCommandsTests
{
    private static string Repo(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "models")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, relative);
    }

    [Fact]
    public void Check_ShippedPolicy_IsValid()
    {
        var (code, output, error) = CliRunner.Run("model", "check", Repo("models/demo-policy.yaml"));

        Assert.True(code == 0, error);
        Assert.Contains("valid (policy", output);
    }

    [Fact]
    public void Check_ManifestMissingSections_Exit2ListingEach()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            File.Copy(Repo("models/demo-policy.onnx"), Path.Combine(dir, "demo-policy.onnx"));
            File.WriteAllText(Path.Combine(dir, "bad.yaml"), "kind: policy\nmodel: demo-policy.onnx\n");

            var (code, _, error) = CliRunner.Run("model", "check", Path.Combine(dir, "bad.yaml"));

            Assert.Equal(2, code);
            Assert.Contains("3 problems", error);
            Assert.Contains("inputs: missing", error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void GenerateDemo_WritesTheShippedModelsByteForByte()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var (code, _, _) = CliRunner.Run("model", "generate-demo", "--out", dir);

            Assert.Equal(0, code);
            foreach (string file in new[] { "demo-planner.onnx", "demo-policy.onnx", "demo-planner.yaml", "demo-policy.yaml", "demo-vocabulary.txt" })
            {
                Assert.Equal(File.ReadAllBytes(Repo(Path.Combine("models", file))), File.ReadAllBytes(Path.Combine(dir, file)));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
