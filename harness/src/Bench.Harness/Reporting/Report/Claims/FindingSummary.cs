namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>
/// Folds a claim's findings into one verdict. A general claim ("X is faster than Y") falls to one clear
/// counterexample, so: no measured point → not measured; any point against → does not hold; any point undecided →
/// inconclusive; otherwise holds. Single-trial points say which way their figures lean, in words.
/// </summary>
internal static class FindingSummary
{
    public static (ClaimVerdict Verdict, InconclusiveReason Limit, string Explanation) Fold(IReadOnlyList<Finding> findings, string notMeasured)
    {
        var measured = findings.Where(f => f.Verdict != ClaimVerdict.NotMeasured).ToList();
        if (measured.Count == 0)
        {
            var reasons = findings.Select(f => f.Detail).Distinct().ToList();
            return (ClaimVerdict.NotMeasured, InconclusiveReason.None, reasons.Count == 0 ? notMeasured + "." : $"{notMeasured} ({string.Join("; ", reasons)}).");
        }

        var lines = string.Join(" ", measured.Select(f => $"{Capitalise(f.Where)}: {f.Detail}."));
        if (measured.Any(f => f.Verdict == ClaimVerdict.DoesNotHold))
        {
            return (ClaimVerdict.DoesNotHold, InconclusiveReason.None, lines);
        }

        var unclear = measured.Where(f => f.Verdict == ClaimVerdict.Inconclusive).ToList();
        if (unclear.Count == 0)
        {
            return (ClaimVerdict.Holds, InconclusiveReason.None, lines);
        }

        var limit = unclear.Select(f => f.Limit).Distinct().Count() == 1 ? unclear[0].Limit : InconclusiveReason.Unclear;
        return (ClaimVerdict.Inconclusive, limit, Lean(unclear) + lines);
    }

    // What single-trial figures point to, in plain words; never a verdict.
    private static string Lean(IReadOnlyList<Finding> unclear)
    {
        var leaning = unclear.Where(f => f.Suggests is not null).ToList();
        if (leaning.Count == 0)
        {
            return string.Empty;
        }

        var towards = leaning.Count(f => f.Suggests == true);
        var lean = towards == leaning.Count ? "are in line with the claim"
            : towards == 0 ? "go against the claim"
            : "point both ways";
        return $"Single-trial figures {lean} ({towards} of {leaning.Count} points agree with it), but one trial cannot show a difference is real. ";
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
