using System.Globalization;
using Bench.Harness.Statistics;

namespace Bench.UnitTests.Statistics;

public class ComparisonTests
{
    private static readonly double[] Baseline = [100, 101, 102];

    [Fact]
    public void Higher_throughput_beyond_the_threshold_is_better()
    {
        ComparisonResult result = Comparison.Compare([110, 111, 112], Baseline, higherIsBetter: true, 0.05, 0);

        Assert.Equal(Verdict.Better, result.Verdict);
        Assert.Equal(0.05, result.Alpha);
        // Every current trial is above every baseline trial plus 5%: 1 of C(6, 3) = 20 arrangements.
        Assert.Equal(1.0 / 20, result.PHigher!.Value, 15);
        Assert.Equal(111, result.CurrentMedian);
        Assert.Equal(101, result.BaselineMedian);
        Assert.Equal(10.0 / 101, result.RelativeChange!.Value, 15);
        Assert.Equal(10, result.Shift);
        Assert.StartsWith("higher than the baseline by more than 5%: p 0.05 ≤ α 0.05 (3 vs 3 trials)", result.Reason);
    }

    [Fact]
    public void The_same_numbers_for_a_lower_is_better_metric_are_worse()
    {
        ComparisonResult result = Comparison.Compare([110, 111, 112], Baseline, higherIsBetter: false, 0.05, 0);

        Assert.Equal(Verdict.Worse, result.Verdict);
    }

    [Fact]
    public void Lower_latency_beyond_the_threshold_is_better()
    {
        ComparisonResult result = Comparison.Compare([80, 85, 90], Baseline, higherIsBetter: false, 0.05, 0);

        Assert.Equal(Verdict.Better, result.Verdict);
        Assert.Equal(1.0 / 20, result.PLower!.Value, 15);
        Assert.StartsWith("lower than the baseline", result.Reason);
    }

    [Fact]
    public void A_change_inside_the_threshold_on_every_pair_is_shown_to_be_the_same()
    {
        ComparisonResult result = Comparison.Compare([101, 102, 103], Baseline, higherIsBetter: true, 0.05, 0);

        Assert.Equal(Verdict.Same, result.Verdict);
        Assert.Equal(1.0 / 20, result.PWithin!.Value, 15);
        Assert.StartsWith("within ±5% of the baseline", result.Reason);
    }

    [Fact]
    public void Identical_steady_samples_are_the_same()
    {
        ComparisonResult result = Comparison.Compare([100, 100, 100], [100, 100, 100], higherIsBetter: true, 0.05, 0);

        Assert.Equal(Verdict.Same, result.Verdict);
        Assert.Equal(0, result.Shift);
        Assert.Equal(1, result.PAnyDifference);
    }

    [Fact]
    public void Overlapping_trials_with_three_per_side_are_inconclusive_not_a_guess()
    {
        // The medians differ by 19%, but the trial at 106.5 is not above the top baseline trial plus 5% (107.1):
        // with three trials only complete separation reaches α 0.05.
        ComparisonResult result = Comparison.Compare([106.5, 120, 121], Baseline, higherIsBetter: true, 0.05, 0);

        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Equal(2.0 / 20, result.PHigher!.Value, 15);
        Assert.StartsWith("neither a change beyond ±5% nor equivalence within it is clear at α 0.05 with 3 vs 3 trials", result.Reason);
    }

    [Fact]
    public void Five_trials_per_side_tolerate_one_overlapping_pair_at_one_percent()
    {
        double[] baseline = [100, 101, 102, 103, 104];
        // Upper bounds are 105, 106.05, 107.1, 108.15, 109.2: the trial at 109 is beaten by one of them (U = 24).
        ComparisonResult result = Comparison.Compare([109, 110, 111, 112, 113], baseline, higherIsBetter: false, 0.05, 0);

        Assert.Equal(Verdict.Worse, result.Verdict);
        Assert.Equal(0.01, result.Alpha);
        Assert.Equal(2.0 / 252, result.PHigher!.Value, 15);
    }

    [Fact]
    public void A_relative_change_below_the_absolute_noise_floor_does_not_count()
    {
        double[] baselineMs = [0.90, 0.91, 0.92];
        double[] currentMs = [1.00, 1.01, 1.02];

        ComparisonResult withFloor = Comparison.Compare(currentMs, baselineMs, higherIsBetter: false, 0.05, absoluteNoise: 0.5);
        ComparisonResult withoutFloor = Comparison.Compare(currentMs, baselineMs, higherIsBetter: false, 0.05, absoluteNoise: 0);

        Assert.Equal(Verdict.Same, withFloor.Verdict);
        Assert.Contains("±5% or 0.5 (whichever is larger)", withFloor.Reason);
        Assert.Equal(Verdict.Worse, withoutFloor.Verdict);
    }

    [Theory]
    [InlineData(new double[] { 120 }, new double[] { 100, 101, 102 })]
    [InlineData(new double[] { 120, 121, 122 }, new double[] { 100 })]
    [InlineData(new double[] { 500 }, new double[] { 1 })]
    public void One_trial_on_either_side_is_never_a_winner(double[] current, double[] baseline)
    {
        ComparisonResult result = Comparison.Compare(current, baseline, higherIsBetter: true, 0.05, 0);

        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Equal("one trial: no statistical test possible", result.Reason);
        Assert.Null(result.PHigher);
        Assert.NotNull(result.Shift);
    }

    [Fact]
    public void Two_trials_per_side_cannot_reach_five_percent()
    {
        ComparisonResult result = Comparison.Compare([200, 201], [100, 101], higherIsBetter: true, 0.05, 0);

        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Equal("2 vs 2 trials: the smallest possible p is 0.167, above α 0.05; no difference can be clear", result.Reason);
    }

    [Fact]
    public void An_explicit_alpha_too_small_for_the_trials_is_refused_not_ignored()
    {
        ComparisonResult result = Comparison.Compare([110, 111, 112], Baseline, higherIsBetter: true, 0.05, 0, alpha: 0.01);

        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Equal(0.01, result.Alpha);
        Assert.StartsWith("3 vs 3 trials: the smallest possible p is 0.05, above α 0.01", result.Reason);
    }

    [Fact]
    public void Missing_trials_are_inconclusive_with_what_is_known()
    {
        ComparisonResult result = Comparison.Compare([], Baseline, higherIsBetter: true, 0.05, 0);

        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Null(result.CurrentMedian);
        Assert.Equal(101, result.BaselineMedian);
        Assert.Null(result.Shift);
        Assert.Null(result.RelativeChange);
    }

    [Fact]
    public void Zero_margin_never_shows_equivalence()
    {
        ComparisonResult result = Comparison.Compare([5, 5, 5], [5, 5, 5], higherIsBetter: true, 0, 0);

        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Equal(0, result.RelativeChange);
    }

    [Fact]
    public void Reasons_use_invariant_numbers_whatever_the_current_culture()
    {
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        CultureInfo original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = comma;
            ComparisonResult result = Comparison.Compare([110, 111, 112], Baseline, higherIsBetter: true, 0.05, 0);

            Assert.Contains("p 0.05 ≤ α 0.05", result.Reason);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Rejects_settings_that_make_no_sense()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Comparison.Compare(Baseline, Baseline, true, -0.1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Comparison.Compare(Baseline, Baseline, true, 0.05, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Comparison.Compare(Baseline, Baseline, true, 0.05, 0, alpha: 0.6));
        Assert.Throws<ArgumentException>(() => Comparison.Compare([1, double.NaN], Baseline, true, 0.05, 0));
    }
}
