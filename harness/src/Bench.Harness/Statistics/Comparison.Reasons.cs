using System.Globalization;

namespace Bench.Harness.Statistics;

internal static partial class Comparison
{
    private static string? Refusal(int n, int m, double alpha)
    {
        if (n == 0 || m == 0)
        {
            return n == 0 ? "no trials on the current side: nothing to compare" : "no baseline trials: nothing to compare";
        }

        if (n == 1 || m == 1)
        {
            return "one trial: no statistical test possible";
        }

        double smallest = Alpha.SmallestAttainable(n, m);
        return Alpha.IsReachable(alpha, n, m)
            ? null
            : Invariant($"{n} vs {m} trials: the smallest possible p is {smallest:G3}, above α {alpha:G3}; no difference can be clear");
    }

    private static string ChangedReason(ComparisonResult r, string direction, double p) =>
        Invariant($"{direction} than the baseline by more than {MarginText(r)}: p {p:G3} ≤ α {r.Alpha:G3} ({r.CurrentCount} vs {r.BaselineCount} trials)");

    private static string SameReason(ComparisonResult r) =>
        Invariant($"within ±{MarginText(r)} of the baseline: equivalence p {r.PWithin:G3} ≤ α {r.Alpha:G3} ({r.CurrentCount} vs {r.BaselineCount} trials)");

    private static string UnclearReason(ComparisonResult r) =>
        Invariant($"neither a change beyond ±{MarginText(r)} nor equivalence within it is clear at α {r.Alpha:G3} with {r.CurrentCount} vs {r.BaselineCount} trials (p higher {r.PHigher:G3}, lower {r.PLower:G3}, within {r.PWithin:G3})");

    private static string MarginText(ComparisonResult r)
    {
        string relative = Invariant($"{r.RelativeThreshold * 100:G3}%");
        string absolute = Invariant($"{r.AbsoluteNoise:G3}");
        return (r.RelativeThreshold > 0, r.AbsoluteNoise > 0) switch
        {
            (true, true) => $"{relative} or {absolute} (whichever is larger)",
            (false, true) => absolute,
            _ => relative,
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
