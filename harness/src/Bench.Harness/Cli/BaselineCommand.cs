using System.CommandLine;
using Bench.Harness.Gate;
using Bench.Harness.Orchestration;
using Bench.Harness.Results;

namespace Bench.Harness.Cli;

/// <summary>
/// <c>bench baseline update &lt;results dir&gt; [--out FILE]</c> writes the committed baseline of the regression gate
/// from a complete run; <c>bench baseline check &lt;results dir&gt; --baseline FILE</c> runs the gate on a finished run
/// without measuring again (what <c>compare --baseline</c> does after its run).
/// </summary>
internal static class BaselineCommand
{
    public static Command Create() =>
        new("baseline", "Write or check the baseline the CI regression gate compares against") { Update(), Check() };

    private static Command Update()
    {
        var results = new Argument<string>("results") { Description = "A results folder (or its results.json) from a complete compare run" };
        var output = new Option<string?>("--out") { Description = "Baseline file to write (default: results/baselines/<profile>.json)" };
        var command = new Command("update", "Write a baseline from a complete, unsaturated run") { results, output };
        command.SetAction(parse => RunUpdate(parse.GetValue(results)!, parse.GetValue(output), Console.Out));
        return command;
    }

    private static Command Check()
    {
        var results = new Argument<string>("results") { Description = "A results folder (or its results.json)" };
        var baseline = new Option<string>("--baseline") { Description = "Baseline file (or a results.json) to compare with", Required = true };
        var maxRegression = new Option<string>("--max-regression") { Description = "Relative threshold of a regression, for example 10%", DefaultValueFactory = _ => "10%" };
        var command = new Command("check", "Run the regression gate on a finished run") { results, baseline, maxRegression };
        command.SetAction(parse => RunCheck(parse.GetValue(results)!, parse.GetValue(baseline)!, parse.GetValue(maxRegression)!, Console.Out));
        return command;
    }

    internal static int RunUpdate(string resultsPath, string? outPath, TextWriter output)
    {
        var run = ResultsReader.Load(resultsPath);
        var folder = Directory.Exists(resultsPath) ? resultsPath : Path.GetDirectoryName(Path.GetFullPath(resultsPath))!;
        var path = outPath ?? Path.Combine(RepositoryRoot.Locate(), "results", "baselines", $"{run.Profile}.json");
        var baseline = BaselineFile.FromRun(run, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), path, DateTimeOffset.UtcNow);
        BaselineFile.Save(baseline);
        var origin = baseline.Origin!;
        output.WriteLine($"baseline: {path}");
        output.WriteLine($"  profile {run.Profile}, {run.Cells.Count} cells, from {origin.Source}");
        output.WriteLine($"  machine {origin.Machine}, commit {origin.Commit ?? "unknown"}");
        if (origin.Dirty == true)
        {
            output.WriteLine("  note: the run had uncommitted changes; commit them and re-run for a baseline that names exactly what it measured");
        }

        return ExitCodes.Ok;
    }

    internal static int RunCheck(string resultsPath, string baselinePath, string maxRegression, TextWriter output)
    {
        var run = ResultsReader.Load(resultsPath);
        var gate = CompareGate.Prepare(baselinePath, maxRegression, run.Profile, MachineClass.Of(run.Environment))!;
        var folder = Directory.Exists(resultsPath) ? resultsPath : Path.GetDirectoryName(Path.GetFullPath(resultsPath))!;
        return gate.Conclude(run, folder, ExitCodes.Ok, output);
    }
}
