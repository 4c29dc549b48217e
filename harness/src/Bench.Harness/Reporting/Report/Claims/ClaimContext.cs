using Bench.Harness.Statistics;

namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>
/// What every claim rule works with: the model, the SLO, and the two tests claims are made of (one backend
/// against another, and one backend's metric against another metric of its own). Every figure a test reads is
/// logged as evidence, with .NET's beside it.
/// </summary>
internal sealed class ClaimContext(ReportModel model)
{
    private readonly List<ClaimEvidence> _evidence = [];

    public ReportModel Model { get; } = model;

    public ServiceLevel Slo { get; } = ServiceLevel.Of(model.Results);

    public IReadOnlyList<ClaimEvidence> Evidence => _evidence;

    /// <summary>"ws-fleet at 10,000 devices".</summary>
    public static string Where(string workload, int scale) => $"{workload} at {ReportText.Devices(scale)}";

    /// <summary>
    /// Is <paramref name="claimed"/>'s metric higher (or lower) than <paramref name="other"/>'s by more than the margin?
    /// Better → holds; Worse or Same (equivalent within the margin) → does not hold; otherwise inconclusive.
    /// </summary>
    public Finding CompareBackends(string workload, int scale, string metric, string claimed, string other, bool claimedHigher, Margin margin)
    {
        var where = Where(workload, scale);
        var (a, b, problem) = Pair(workload, scale, metric, claimed, other, where);
        if (problem is not null)
        {
            return problem;
        }

        Record(workload, scale, metric, "reference", References(claimed, other));
        var direction = claimedHigher ? "higher" : "lower";
        var figures = $"{claimed} {ReportText.WithUnit(a!.Median, a.Unit)} vs {other} {ReportText.WithUnit(b!.Median, b.Unit)}";
        return Decide(a, b, claimedHigher, margin, where, $"{metric}: {figures}", $"claimed {claimed} {direction} by more than {margin.Describe(a.Unit)}");
    }

    /// <summary>
    /// One backend's <paramref name="after"/> metric against its own <paramref name="before"/> metric, trial by trial
    /// (for instance heartbeat p99 with jobs against without). <paramref name="expectRise"/> true: the claim is that it
    /// rises beyond the margin; false: that it stays within the margin ("flat").
    /// </summary>
    public Finding CompareWithin(string workload, int scale, string backend, string after, string before, bool expectRise, Margin margin)
    {
        var where = $"{backend}, {Where(workload, scale)}";
        var (a, b, problem) = Pair(workload, scale, after, backend, backend, where, before);
        if (problem is not null)
        {
            return problem;
        }

        var figures = $"{after} {ReportText.WithUnit(a!.Median, a.Unit)} vs {before} {ReportText.WithUnit(b!.Median, b.Unit)}";
        var detail = $"{backend}: {figures}; margin {margin.Describe(a.Unit)}";
        if (a.Count == 1 || b.Count == 1)
        {
            var rises = a.Median > b.Median + Math.Max(margin.Relative * Math.Abs(b.Median), margin.Absolute);
            return Finding.Unclear(where, detail + "; single trial, no statistical test", InconclusiveReason.SingleTrial, rises == expectRise);
        }

        var result = Comparison.Compare(a.Values, b.Values, higherIsBetter: true, margin.Relative, margin.Absolute);
        var verdict = (result.Verdict, expectRise) switch
        {
            (Verdict.Better, true) => ClaimVerdict.Holds,
            (Verdict.Same or Verdict.Worse, true) => ClaimVerdict.DoesNotHold,
            (Verdict.Same or Verdict.Worse, false) => ClaimVerdict.Holds,
            (Verdict.Better, false) => ClaimVerdict.DoesNotHold,
            _ => ClaimVerdict.Inconclusive,
        };
        return new Finding(verdict, where, $"{detail}: {result.Reason}", verdict == ClaimVerdict.Inconclusive ? InconclusiveReason.Unclear : InconclusiveReason.None);
    }

    /// <summary>Logs the figures of <paramref name="backends"/> for one metric, when they ran there.</summary>
    public void Record(string workload, int scale, string metric, string role, params IEnumerable<string> backends)
    {
        foreach (var backend in backends)
        {
            var group = Model.Find(backend, workload, scale);
            if (group is null || !group.Metrics.TryGetValue(metric, out var summary))
            {
                continue;
            }

            var spread = group.Grade == EvidenceGrade.Valid
                ? $"{ReportText.IntervalWords(summary.Summary)}; {TrialWords(summary.Count)}"
                : $"{GradeWords(group.Grade)}: not used";
            var row = new ClaimEvidence(backend, workload, scale, metric, ReportText.WithUnit(summary.Median, summary.Unit), spread, role);
            if (!_evidence.Contains(row))
            {
                _evidence.Add(row);
            }
        }
    }

    /// <summary>.NET backends shown beside the claim's own (the reference the articles leave out).</summary>
    public IEnumerable<string> References(params string[] claimed) =>
        Model.Backends.Where(b => b.StartsWith("dotnet", StringComparison.Ordinal) && !claimed.Contains(b));

    // The test's reason names the margin, so the claim's own wording is only added where no test ran.
    private static Finding Decide(MetricSummary a, MetricSummary b, bool claimedHigher, Margin margin, string where, string detail, string claim)
    {
        if (a.Count == 1 || b.Count == 1)
        {
            var leans = claimedHigher ? a.Median > b.Median : a.Median < b.Median;
            return Finding.Unclear(where, $"{detail}; {claim}; single trial, no statistical test", InconclusiveReason.SingleTrial, leans);
        }

        var result = Comparison.Compare(a.Values, b.Values, claimedHigher, margin.Relative, margin.Absolute);
        var verdict = result.Verdict switch
        {
            Verdict.Better => ClaimVerdict.Holds,
            Verdict.Worse or Verdict.Same => ClaimVerdict.DoesNotHold,
            _ => ClaimVerdict.Inconclusive,
        };
        return new Finding(verdict, where, $"{detail}: {result.Reason}", verdict == ClaimVerdict.Inconclusive ? InconclusiveReason.Unclear : InconclusiveReason.None);
    }

    // Finds both sides' evidence, or the finding that explains why there is none. Every figure read is logged.
    private (MetricSummary? A, MetricSummary? B, Finding? Problem) Pair(
        string workload, int scale, string metric, string first, string second, string where, string? secondMetric = null)
    {
        secondMetric ??= metric;
        Record(workload, scale, metric, "claim", first);
        Record(workload, scale, secondMetric, "claim", second);
        var groups = new[] { Model.Find(first, workload, scale), Model.Find(second, workload, scale) };
        if (groups.Any(g => g is null))
        {
            var missing = first == second || groups[0] is null ? first : second;
            return (null, null, Finding.NotMeasured(where, $"{missing} did not run {Where(workload, scale)}"));
        }

        var weakest = groups.Select(g => g!.Grade).Max();
        if (weakest != EvidenceGrade.Valid)
        {
            var limit = weakest == EvidenceGrade.Saturated ? InconclusiveReason.Saturated : InconclusiveReason.Failed;
            var which = string.Join(" and ", groups.Where(g => g!.Grade != EvidenceGrade.Valid).Select(g => $"{g!.Backend} ({GradeWords(g.Grade)})").Distinct());
            return (null, null, Finding.Unclear(where, $"no valid cells for {which}", limit));
        }

        var a = groups[0]!.Evidence(metric);
        var b = groups[1]!.Evidence(secondMetric);
        return a is null || b is null
            ? (null, null, Finding.NotMeasured(where, $"{(a is null ? metric : secondMetric)} was not recorded for {(a is null ? first : second)}"))
            : (a, b, null);
    }

    private static string TrialWords(int count) => count == 1 ? "1 trial" : $"{count} trials";

    private static string GradeWords(EvidenceGrade grade) => grade switch
    {
        EvidenceGrade.Saturated => "generator saturated",
        EvidenceGrade.Failed => "failed or crashed",
        EvidenceGrade.NotRun => "skipped",
        _ => "valid",
    };
}
