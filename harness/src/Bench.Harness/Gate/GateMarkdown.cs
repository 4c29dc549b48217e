using System.Globalization;
using System.Text;
using Bench.Harness.Statistics;

namespace Bench.Harness.Gate;

/// <summary>
/// The gate's result as Markdown fit for a pull-request comment: a header (profile, trials, α, what cannot be
/// detected, the baseline's origin), the regressions with their reasons, then every gated metric folded away.
/// Plain words only, no emoji, so the comment reads the same in a terminal log.
/// </summary>
internal static class GateMarkdown
{
    public static string Render(GateResult result)
    {
        var text = new StringBuilder();
        text.Append("## Bench regression gate: ").AppendLine(Headline(result.Status)).AppendLine();
        AppendSettings(text, result);
        if (result.Refusals.Count > 0)
        {
            text.AppendLine(result.Status == GateStatus.InvalidBaseline ? "The baseline cannot be used:" : "This run cannot be compared:");
            foreach (var refusal in result.Refusals)
            {
                text.Append("- ").AppendLine(refusal);
            }

            return text.ToString();
        }

        text.AppendLine(Tally(result.Rows)).AppendLine();
        var regressions = result.Rows.Where(r => r.IsRegression).ToList();
        if (regressions.Count > 0)
        {
            text.AppendLine("### Regressions").AppendLine();
            text.AppendLine("| cell | metric | baseline | now | change | verdict | why |").AppendLine("|---|---|---|---|---|---|---|");
            foreach (var row in regressions)
            {
                text.AppendLine(Invariant($"| {Cell(row)} | {row.Metric} | {Median(row.Comparison.BaselineMedian, row.Unit)} | {Median(row.Comparison.CurrentMedian, row.Unit)} | {Change(row.Comparison.RelativeChange)} | {Word(row.Comparison.Verdict)} | {row.Comparison.Reason} |"));
            }

            text.AppendLine();
        }

        AppendEveryMetric(text, result.Rows);
        AppendNotCompared(text, result.NotCompared);
        return text.ToString();
    }

    public static string Word(Verdict verdict) => verdict switch
    {
        Verdict.Worse => "regression",
        Verdict.Better => "improvement",
        Verdict.Same => "unchanged",
        _ => "inconclusive",
    };

    private static string Headline(GateStatus status) => status switch
    {
        GateStatus.Passed => "passed",
        GateStatus.Regressed => "regression",
        GateStatus.InvalidBaseline => "not compared (unusable baseline)",
        _ => "not compared (unusable run)",
    };

    private static void AppendSettings(StringBuilder text, GateResult result)
    {
        var s = result.Sensitivity;
        text.AppendLine(Invariant($"Profile `{result.Profile}` · {s.CurrentTrials} trials per cell in this run, {s.BaselineTrials} in the baseline · α {s.Alpha:G3} · regression threshold {Percent(result.Rules.MaxRegression)} unless a metric sets its own"));
        text.AppendLine().AppendLine(BaselineLine(result.Baseline)).AppendLine();
        if (result.Refusals.Count == 0)
        {
            text.AppendLine(s.Describe()).AppendLine();
        }
    }

    private static string BaselineLine(Baseline baseline)
    {
        var results = baseline.Results;
        var git = results.Environment.Git;
        var commit = git is null ? "unknown commit" : $"commit `{git.Commit[..Math.Min(12, git.Commit.Length)]}`{(git.Dirty ? " (uncommitted changes)" : string.Empty)}";
        var origin = baseline.Origin is { } o
            ? Invariant($", written {o.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC from `{o.Source}`")
            : string.Empty;
        return Invariant($"Baseline `{baseline.Path}`: {commit}, {MachineClass.Of(results.Environment)}, run {results.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC{origin}.");
    }

    private static string Tally(IReadOnlyList<GateRow> rows)
    {
        var counts = Enum.GetValues<Verdict>().ToDictionary(v => v, v => rows.Count(r => r.Comparison.Verdict == v));
        return $"{Count(rows.Count, "metric")} compared: {Count(counts[Verdict.Worse], "regression")}, {Count(counts[Verdict.Better], "improvement")}, "
            + Invariant($"{counts[Verdict.Same]} unchanged, {counts[Verdict.Inconclusive]} inconclusive.");
    }

    private static void AppendEveryMetric(StringBuilder text, IReadOnlyList<GateRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        text.AppendLine("<details><summary>Every gated metric (medians of the trials)</summary>").AppendLine();
        text.AppendLine("| cell | metric | baseline | now | change | margin | verdict |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var c = row.Comparison;
            text.AppendLine(Invariant($"| {Cell(row)} | {row.Metric} | {Median(c.BaselineMedian, row.Unit)} | {Median(c.CurrentMedian, row.Unit)} | {Change(c.RelativeChange)} | {Margin(c, row.Unit)} | {Word(c.Verdict)} |"));
        }

        text.AppendLine().AppendLine("</details>").AppendLine();
    }

    private static void AppendNotCompared(StringBuilder text, IReadOnlyList<string> notCompared)
    {
        if (notCompared.Count == 0)
        {
            return;
        }

        text.AppendLine("### Not compared").AppendLine();
        foreach (var line in notCompared)
        {
            text.Append("- ").AppendLine(line);
        }

        text.AppendLine();
    }

    private static string Count(int count, string noun) => Invariant($"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static string Cell(GateRow row) => row.Cell.ToString();

    private static string Margin(ComparisonResult c, string unit) =>
        c.AbsoluteNoise > 0 ? $"{Percent(c.RelativeThreshold)} or {Quantity(c.AbsoluteNoise, unit)}" : Percent(c.RelativeThreshold);

    private static string Median(double? value, string unit) => value is { } v ? Quantity(v, unit) : "n/a";

    private static string Change(double? relative) => relative is { } r ? Invariant($"{(r >= 0 ? "+" : "-")}{Math.Abs(r) * 100:0.0}%") : "n/a";

    private static string Percent(double fraction) => Invariant($"{fraction * 100:0.##}%");

    private static string Quantity(double value, string unit)
    {
        // About three significant digits, but small values (CPU-seconds per 1k) keep up to four decimals.
        var magnitude = Math.Abs(value);
        var number = magnitude >= 100 ? Invariant($"{value:0}")
            : magnitude >= 10 ? Invariant($"{value:0.0}")
            : magnitude >= 1 ? Invariant($"{value:0.00}")
            : Invariant($"{value:0.00##}");
        return unit switch
        {
            "count" => number,
            "%" => number + "%",
            "1/s" => number + "/s",
            _ => $"{number} {unit}",
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
