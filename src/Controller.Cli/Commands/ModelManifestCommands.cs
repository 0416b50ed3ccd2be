using System.CommandLine;
using Controller.Brain.Demo;
using Controller.Brain.Hosting;
using Controller.Brain.Manifests;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl model check &lt;manifest&gt;</c> (a brain model's manifest against the ONNX model's own signature, every
/// problem listed) and <c>robotctl model generate-demo [--out DIR]</c> (the demo planner and policy, written by the
/// project's ONNX graph writer).
/// </summary>
internal static class ModelManifestCommands
{
    public static Command Check()
    {
        var manifest = new Argument<FileInfo>("manifest") { Description = "A model manifest (YAML), e.g. models/demo-policy.yaml." };
        var command = new Command("check", "Validate a model manifest against its ONNX model: names, shapes, dtypes, statistics.") { manifest };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(manifest)!;
            var output = parse.InvocationConfiguration.Output;
            try
            {
                ModelManifest m = ManifestParser.Load(file.FullName);
                using ModelHost host = ModelHost.Create(m);
                output.WriteLine($"{file.FullName}: valid ({m.Kind.ToString().ToLowerInvariant()}, model {Path.GetFileName(m.ModelPath)}, " +
                                 $"{m.Inputs.Count} inputs, {(m.Action is not null ? "an action chunk" : "planner outputs")}, {m.RateHz} Hz; loaded and warmed up in ONNX Runtime)");
                if (m.Text is { } t) output.WriteLine(TokenizerSummary.Describe(m, t));
                return 0;
            }
            catch (ManifestException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"robotctl model check: {e.Message}");
                return RunCommand.UsageExitCode;
            }
        });
        return command;
    }

    public static Command GenerateDemo()
    {
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Where to write the models (default: ./models).", DefaultValueFactory = _ => new DirectoryInfo("models") };
        var command = new Command("generate-demo", "Write the demo planner and policy (ONNX + manifests) with weights derived in C#.") { outDir };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(outDir)!;
            dir.Create();
            foreach (string written in DemoModelGenerator.WriteAll(dir.FullName))
            {
                parse.InvocationConfiguration.Output.WriteLine($"wrote {written}");
            }

            return 0;
        });
        return command;
    }
}
