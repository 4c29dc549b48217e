using Bench.Harness.Cli;
using Bench.Harness.Orchestration;
using Bench.Harness.Results;

namespace Bench.Harness.Gate;

/// <summary>
/// The regression gate as <c>bench compare --baseline</c> runs it: the baseline is loaded and checked before
/// anything starts (a bad file, another profile or another machine class is invalid input), and after the run
/// the gate's Markdown goes to the console and to <c>gate.md</c> beside results.json, and decides the exit code.
/// </summary>
internal sealed class CompareGate
{
    public const string MarkdownFileName = "gate.md";

    private readonly Baseline _baseline;
    private readonly GateRules _rules;

    private CompareGate(Baseline baseline, GateRules rules)
    {
        _baseline = baseline;
        _rules = rules;
    }

    /// <summary>Null without <c>--baseline</c>; otherwise the baseline, loaded and checked against this machine before a run starts.</summary>
    public static CompareGate? Prepare(string? baselinePath, string maxRegression, string profile) =>
        Prepare(baselinePath, maxRegression, profile, MachineClass.Current());

    /// <summary>Null without a baseline path; otherwise the loaded, checked baseline. Every problem is reported at once (exit 2).</summary>
    public static CompareGate? Prepare(string? baselinePath, string maxRegression, string profile, MachineClass machine)
    {
        if (baselinePath is null)
        {
            return null;
        }

        var errors = new List<string>();
        var threshold = MaxRegression.Parse(maxRegression, out var thresholdError);
        if (thresholdError is not null)
        {
            errors.Add(thresholdError);
        }

        Baseline? baseline = null;
        try
        {
            baseline = BaselineFile.Load(baselinePath);
            errors.AddRange(GateRefusals.OfBaseline(baseline, profile, machine).Select(e => $"--baseline: {e}"));
        }
        catch (InvalidInputException ex)
        {
            errors.AddRange(ex.Errors.Select(e => $"--baseline: {e}"));
        }

        return errors.Count > 0 ? throw new InvalidInputException(errors) : new CompareGate(baseline!, GateRules.Default(threshold!.Value));
    }

    /// <summary>Judges the finished (or interrupted) run; returns the exit code: 0 passed, 1 regression, 2 unusable baseline, 3 unusable run.</summary>
    public int Conclude(ResultsDocument run, string directory, int runExitCode, TextWriter output)
    {
        var result = RegressionGate.Evaluate(run, _baseline, _rules);
        var markdown = GateMarkdown.Render(result);
        var file = Path.Combine(directory, MarkdownFileName);
        File.WriteAllText(file, markdown);
        output.WriteLine();
        output.Write(markdown);
        output.WriteLine($"gate: {file}");
        return ExitCodeOf(result.Status, runExitCode);
    }

    public static int ExitCodeOf(GateStatus status, int runExitCode = ExitCodes.Ok) => status switch
    {
        GateStatus.Regressed => ExitCodes.ThresholdFailed,
        GateStatus.InvalidBaseline => ExitCodes.InvalidInput,
        GateStatus.RunNotComparable => ExitCodes.RunError,
        _ => runExitCode, // passed: the run's own verdict stands (it is Ok whenever every cell was)
    };
}
