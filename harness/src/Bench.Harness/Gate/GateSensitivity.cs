using System.Globalization;
using Bench.Harness.Statistics;

namespace Bench.Harness.Gate;

/// <summary>
/// What the gate can detect with the trials at hand (docs/statistics.md, "α by number of trials"): the α the
/// exact rank test uses, and how many (run, baseline) trial pairs may be out of order for a change to still be
/// flagged. <see cref="OverlapsTolerated"/> is null when nothing can be flagged, or, with more than
/// <see cref="MannWhitneyTest.ExactLimit"/> trials in all, when the test uses its normal approximation.
/// </summary>
internal sealed record GateSensitivity(int CurrentTrials, int BaselineTrials, double Alpha, bool CanDetect, int? OverlapsTolerated)
{
    public static GateSensitivity For(int currentTrials, int baselineTrials)
    {
        if (currentTrials < 2 || baselineTrials < 2)
        {
            return new(currentTrials, baselineTrials, Statistics.Alpha.Loosest, false, null);
        }

        var alpha = Statistics.Alpha.For(currentTrials, baselineTrials);
        if (currentTrials + baselineTrials > MannWhitneyTest.ExactLimit)
        {
            return new(currentTrials, baselineTrials, alpha, true, null);
        }

        var overlaps = Overlaps(currentTrials, baselineTrials, alpha);
        return new(currentTrials, baselineTrials, alpha, overlaps is not null, overlaps);
    }

    /// <summary>One paragraph for the gate's header: what a "regression" needs, and what slips through.</summary>
    public string Describe()
    {
        var trials = Invariant($"{CurrentTrials} vs {BaselineTrials} trials");
        if (CurrentTrials < 2 || BaselineTrials < 2)
        {
            return $"With {trials} no statistical test is possible: every metric reads inconclusive and no regression can be flagged. Give the profile `trials: 3` or more.";
        }

        if (!CanDetect)
        {
            var smallest = Statistics.Alpha.SmallestAttainable(CurrentTrials, BaselineTrials);
            return Invariant($"With {trials} the smallest possible p is {smallest:G3}, above α {Alpha:G3}: no regression can be flagged. Give the profile `trials: 3` or more.");
        }

        var rule = OverlapsTolerated switch
        {
            null => "when its trials are shifted beyond the margin at that level (rank test, normal approximation)",
            0 => "only when every trial of this run lies beyond every baseline trial moved by the margin: a real regression with one lucky trial reads inconclusive",
            var overlaps => Invariant($"when at most {overlaps} of the {CurrentTrials * BaselineTrials} (run, baseline) trial pairs are out of order, each baseline trial moved by the margin"),
        };
        return Invariant($"With {trials} at α {Alpha:G3} a metric is flagged {rule}. A change smaller than its margin (the threshold or the noise floor, whichever is larger) is never flagged.");
    }

    // The largest U in the wrong direction whose exact one-sided p is still ≤ α (untied ranks); null if even U = 0 fails.
    private static int? Overlaps(int n, int m, double alpha)
    {
        var distribution = ExactRankSumDistribution.Of([.. Enumerable.Range(1, n + m).Select(rank => 2 * rank)], n);
        int? tolerated = null;
        for (var u = 0; u < n * m; u++)
        {
            var p = (double)distribution.CountAtMost(2 * u + n * (n + 1)) / distribution.Total;
            if (!Statistics.Alpha.IsWithin(p, alpha))
            {
                break;
            }

            tolerated = u;
        }

        return tolerated;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
