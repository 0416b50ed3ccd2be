using System.CommandLine;
using Controller.Cli.Commands;

namespace Controller.Cli;

/// <summary>Entry point of <c>robotctl</c>.</summary>
public static class Program
{
    /// <summary>Builds the command tree; tests invoke it with their own output writers.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("robotctl: the embodied-intelligence robot controller runtime (run, bench, doctor, model).");
        root.Add(RunCommand.Create());
        root.Add(BenchCommand.Create());
        root.Add(DoctorCommand.Create());
        root.Add(ModelCommand.Create());
        root.Add(SimCommand.Create());
        root.Add(ScanCommand.Create());
        root.Add(CanCommand.Create());
        root.Add(BrainCommand.Create());
        root.Add(EtherCatCommand.Create());
        root.Add(ReplayCommand.Create());
        root.Add(ExportCommand.Create());
        root.Add(ReportCommand.Create());
        root.Add(RecordCommand.Create());
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen command.</summary>
    public static int Main(string[] args) => CreateRootCommand().Parse(args).Invoke();
}
