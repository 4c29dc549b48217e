using Bench.Load.Recording;

namespace Bench.UnitTests.Load.Recording;

public class LatencyRecorderTests
{
    [Fact]
    public void Interval_histograms_hold_exactly_what_was_recorded_since_the_previous_interval()
    {
        var recorder = new LatencyRecorder();
        recorder.Record(100);
        recorder.Record(200);

        LatencyHistogram first = recorder.GetIntervalHistogram();
        recorder.Record(5_000_000_000);
        LatencyHistogram second = recorder.GetIntervalHistogram(histogramToRecycle: first);

        Assert.Equal(1, second.TotalCount);
        Assert.Equal(1, second.ClampedCount);
        Assert.Equal(3_600_809_983, second.Max);
        Assert.Equal(0, recorder.GetIntervalHistogram(histogramToRecycle: second).TotalCount);
    }

    [Fact]
    public void Concurrent_writers_lose_no_value_while_intervals_are_taken()
    {
        const int writers = 4;
        const int valuesPerWriter = 200_000;
        var recorder = new LatencyRecorder();
        var merged = new LatencyHistogram();
        using var done = new CountdownEvent(writers);
        for (int w = 0; w < writers; w++)
        {
            int seed = w;
            var thread = new Thread(() =>
            {
                foreach (long value in LatencyHistogramTests.LogUniformValues(valuesPerWriter, seed, 10_000_000))
                {
                    recorder.Record(value);
                }

                done.Signal();
            });
            thread.Start();
        }

        LatencyHistogram? recycled = null;
        while (!done.IsSet)
        {
            LatencyHistogram interval = recorder.GetIntervalHistogram(recycled);
            merged.Add(interval);
            recycled = interval;
        }

        merged.Add(recorder.GetIntervalHistogram(recycled));

        var expected = new LatencyHistogram();
        for (int w = 0; w < writers; w++)
        {
            foreach (long value in LatencyHistogramTests.LogUniformValues(valuesPerWriter, w, 10_000_000))
            {
                expected.Record(value);
            }
        }

        Assert.Equal(expected.Counts.ToArray(), merged.Counts.ToArray());
        Assert.Equal(writers * valuesPerWriter, merged.TotalCount);
    }

    [Fact]
    public void A_recycled_histogram_must_have_the_recorder_layout()
    {
        var recorder = new LatencyRecorder();

        Assert.Throws<ArgumentException>(() =>
            recorder.GetIntervalHistogram(new LatencyHistogram(new HistogramLayout(1, 1000, 2))));
    }
}
