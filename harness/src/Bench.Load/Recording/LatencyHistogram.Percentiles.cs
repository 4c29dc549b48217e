namespace Bench.Load.Recording;

public sealed partial class LatencyHistogram
{
    /// <summary>
    /// The percentile spectrum, as HdrHistogram's <c>PercentileIterator</c> walks it: levels get
    /// <paramref name="ticksPerHalfDistance"/> steps per halving of the distance to 100 % (0, 10, 20 … 50,
    /// 55 … 75, 77.5 …), each level is reported at the first recorded value whose cumulative percentage
    /// reaches it, and a last tick at 100 % is always emitted.
    /// </summary>
    public IEnumerable<PercentileTick> Percentiles(int ticksPerHalfDistance = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ticksPerHalfDistance, 1);
        return _totalCount == 0 ? [] : IteratePercentiles(ticksPerHalfDistance);
    }

    private IEnumerable<PercentileTick> IteratePercentiles(int ticksPerHalfDistance)
    {
        long total = _totalCount;
        double level = 0.0;
        long totalToIndex = 0;
        int lastRecordedIndex = 0;
        for (int i = 0; i < _counts.Length && totalToIndex < total; i++)
        {
            long count = _counts[i];
            if (count == 0)
            {
                continue;
            }

            totalToIndex += count;
            lastRecordedIndex = i;
            long value = Layout.HighestEquivalent(Layout.ValueFromIndex(i));
            // One value can reach several levels; each gets its own tick. Once every count is consumed the
            // walk stops after one tick, as HdrHistogram's does, and the closing 100 % tick follows.
            while (100.0 * totalToIndex / total >= level)
            {
                yield return new PercentileTick(value, level, totalToIndex);
                level = NextPercentileLevel(level, ticksPerHalfDistance);
                if (totalToIndex == total)
                {
                    break;
                }
            }
        }

        yield return new PercentileTick(Layout.HighestEquivalent(Layout.ValueFromIndex(lastRecordedIndex)), 100.0, total);
    }

    private static double NextPercentileLevel(double level, int ticksPerHalfDistance)
    {
        long halvings = (long)(Math.Log(100.0 / (100.0 - level)) / Math.Log(2));
        long reportingTicks = ticksPerHalfDistance * (long)Math.Pow(2, halvings + 1);
        return level + (100.0 / reportingTicks);
    }
}
