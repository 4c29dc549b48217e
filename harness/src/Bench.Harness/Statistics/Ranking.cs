namespace Bench.Harness.Statistics;

/// <summary>
/// Names a winner among k backends on one metric only when it is clearly better than each of the others
/// under <see cref="Comparison.Compare"/>. Requiring every pairwise test to pass (an intersection–union test)
/// keeps the claim at level α without a multiple-comparison correction.
/// </summary>
internal static class Ranking
{
    /// <summary>Ranks backends by their trials (one value per trial) on a single metric.</summary>
    public static RankingResult Rank(
        IReadOnlyDictionary<string, IReadOnlyList<double>> trialsByBackend,
        bool higherIsBetter,
        double relativeThreshold,
        double absoluteNoise,
        double? alpha = null)
    {
        ArgumentNullException.ThrowIfNull(trialsByBackend);
        string[] names = [.. trialsByBackend.Keys.Order(StringComparer.Ordinal)];
        var pairwise = new List<PairwiseComparison>();
        foreach (string current in names)
        {
            foreach (string baseline in names.Where(b => b != current))
            {
                ComparisonResult result = Comparison.Compare(
                    trialsByBackend[current], trialsByBackend[baseline], higherIsBetter, relativeThreshold, absoluteNoise, alpha);
                pairwise.Add(new PairwiseComparison(current, baseline, result));
            }
        }

        string[] byMedian = OrderByMedian(trialsByBackend, names, higherIsBetter);
        return Conclude(names, byMedian, pairwise);
    }

    private static RankingResult Conclude(string[] names, string[] byMedian, List<PairwiseComparison> pairwise)
    {
        if (names.Length < 2)
        {
            return new RankingResult(null, "fewer than two backends: nothing to rank", byMedian, pairwise);
        }

        // At most one backend can beat all others: two clear wins in opposite directions need U above nm/2 both
        // ways, impossible for α < 0.5.
        string? winner = names.FirstOrDefault(name =>
            pairwise.Where(p => p.Current == name).All(p => p.Result.Verdict == Verdict.Better));
        if (winner is not null)
        {
            return new RankingResult(winner, $"{winner} is clearly better than every other backend", byMedian, pairwise);
        }

        // Explain through the best median: the first pair it does not clearly win.
        string leader = byMedian[0];
        PairwiseComparison blocking = pairwise.First(p => p.Current == leader && p.Result.Verdict != Verdict.Better);
        string reason = $"no clear winner: {leader} (best median) is not clearly better than {blocking.Baseline} "
            + $"({blocking.Result.Verdict}: {blocking.Result.Reason})";
        return new RankingResult(null, reason, byMedian, pairwise);
    }

    private static string[] OrderByMedian(
        IReadOnlyDictionary<string, IReadOnlyList<double>> trialsByBackend, string[] names, bool higherIsBetter)
    {
        // Backends without trials go last; ties keep name order so the output is deterministic.
        double Key(string name)
        {
            IReadOnlyList<double> trials = trialsByBackend[name];
            if (trials.Count == 0)
            {
                return double.PositiveInfinity;
            }

            double median = Samples.MedianOfSorted(Samples.SortedCopy(trials, nameof(trialsByBackend)));
            return higherIsBetter ? -median : median;
        }

        return [.. names.OrderBy(Key)];
    }
}
