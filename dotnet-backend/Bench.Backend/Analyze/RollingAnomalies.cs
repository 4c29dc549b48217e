namespace Bench.Backend.Analyze;

/// <summary>
/// Rolling z-score anomalies (contract §4 step 2): i is an anomaly when the population std s of the
/// <c>window</c> samples before i is positive and |x[i] - m| / s exceeds the threshold.
/// </summary>
/// <remarks>
/// Runs in O(N): the window's sums slide by one sample per step. To keep the sliding sums as exact as a
/// fresh two-pass computation would be, they are taken relative to the window's own mean and recomputed
/// from scratch every <c>window</c> steps, so rounding never accumulates over more than one window.
/// A window of identical values has s = 0 exactly, which sliding sums cannot promise, so such windows are
/// recognised by the length of the run of equal samples that ends the window.
/// </remarks>
internal static class RollingAnomalies
{
    public static IReadOnlyList<int> Find(ReadOnlySpan<double> x, int window, double threshold)
    {
        var anomalies = new List<int>();
        double shift = 0, sum = 0, sumOfSquares = 0;
        var equalRun = 0;
        for (var i = window; i < x.Length; i++)
        {
            if ((i - window) % window == 0)
                (shift, sum, sumOfSquares) = Recompute(x.Slice(i - window, window));
            else
                Slide(x[i - window - 1] - shift, x[i - 1] - shift, ref sum, ref sumOfSquares);
            equalRun = i == window ? EqualRunEndingAt(x, window - 1, window) : ExtendRun(x, i - 1, equalRun);
            if (equalRun >= window)
                continue; // an exactly flat window: s == 0, never an anomaly
            var localMean = sum / window;
            var variance = (sumOfSquares / window) - (localMean * localMean);
            var s = Math.Sqrt(Math.Max(variance, 0));
            if (s > 0 && Math.Abs(x[i] - (shift + localMean)) / s > threshold)
                anomalies.Add(i);
        }
        return anomalies;
    }

    private static (double Shift, double Sum, double SumOfSquares) Recompute(ReadOnlySpan<double> values)
    {
        double total = 0;
        foreach (var v in values)
            total += v;
        var shift = total / values.Length;
        double sum = 0, sumOfSquares = 0;
        foreach (var v in values)
        {
            var d = v - shift;
            sum += d;
            sumOfSquares += d * d;
        }
        return (shift, sum, sumOfSquares);
    }

    private static void Slide(double leaving, double entering, ref double sum, ref double sumOfSquares)
    {
        sum += entering - leaving;
        sumOfSquares += (entering * entering) - (leaving * leaving);
    }

    private static int ExtendRun(ReadOnlySpan<double> x, int last, int run) => x[last] == x[last - 1] ? run + 1 : 1;

    /// <summary>How many equal values end at <paramref name="last"/>, counting at most <paramref name="cap"/>.</summary>
    private static int EqualRunEndingAt(ReadOnlySpan<double> x, int last, int cap)
    {
        var run = 1;
        while (run < cap && last - run >= 0 && x[last - run] == x[last])
            run++;
        return run;
    }
}
