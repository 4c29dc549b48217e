using Bench.Load.Recording;

namespace Bench.UnitTests.Load.Recording;

public class IntervalRecorderTests
{
    private const long Frequency = 1_000_000;
    private const long Start = 10_000_000;

    [Fact]
    public void Each_interval_counts_its_own_events()
    {
        var recorder = new IntervalRecorder(Start, Frequency);
        recorder.ConnectionOpened();
        recorder.ConnectionOpened();
        recorder.RecordSend();
        recorder.RecordSend();
        recorder.RecordAck(1_500);
        recorder.RecordError(ErrorKind.Timeout);
        recorder.RecordLate(3);

        IntervalSample first = recorder.CloseInterval(Start + Frequency);
        recorder.RecordSend();
        recorder.RecordError(ErrorKind.Rejected);
        recorder.RecordError(ErrorKind.Rejected);
        recorder.RecordDropped();
        recorder.ConnectionClosed();
        IntervalSample second = recorder.CloseInterval(Start + (2 * Frequency) + (Frequency / 2));

        Assert.Equal((0, TimeSpan.Zero, TimeSpan.FromSeconds(1)), (first.Index, first.Start, first.Length));
        Assert.Equal((2L, 1L, 3L, 0L), (first.Sends, first.Acks, first.Late, first.Dropped));
        Assert.Equal(1, first.Errors(ErrorKind.Timeout));
        Assert.Equal((2L, 0L, 2L), (first.ConnectionsOpened, first.ConnectionsClosed, first.OpenConnections));
        Assert.Equal(1, first.Latency.Count);
        Assert.Equal(1_500, first.Latency.P99);

        Assert.Equal((1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5)), (second.Index, second.Start, second.Length));
        Assert.Equal((1L, 0L, 1L), (second.Sends, second.Acks, second.Dropped));
        Assert.Equal(2, second.Errors(ErrorKind.Rejected));
        Assert.Equal(2, second.TotalErrors);
        Assert.Equal(1, second.OpenConnections);
        Assert.Equal(0, second.Latency.Count);
        Assert.Equal([first, second], recorder.Intervals);
    }

    [Fact]
    public void Interval_histograms_are_merged_exactly_into_the_total()
    {
        var recorder = new IntervalRecorder(Start, Frequency);
        var expected = new LatencyHistogram();
        long[] values = LatencyHistogramTests.LogUniformValues(count: 30_000, seed: 5, max: 2_000_000);
        for (int second = 0; second < 3; second++)
        {
            foreach (long value in values.AsSpan(second * 10_000, 10_000))
            {
                recorder.RecordAck(value);
                expected.Record(value);
            }

            IntervalSample sample = recorder.CloseInterval(Start + ((second + 1) * Frequency));
            Assert.Equal(10_000, sample.Latency.Count);
            Assert.Equal(recorder.LastIntervalLatency.ValueAtPercentile(99), sample.Latency.P99);
            Assert.Equal(10_000, sample.AckRate);
        }

        Assert.Equal(expected.Counts.ToArray(), recorder.Total.Counts.ToArray());
        Assert.Equal(30_000, recorder.Intervals.Sum(sample => sample.Acks));
    }

    [Fact]
    public void Concurrent_writers_lose_no_event_across_interval_boundaries()
    {
        const int writers = 3;
        const int eventsPerWriter = 100_000;
        var recorder = new IntervalRecorder(Start, Frequency);
        using var done = new CountdownEvent(writers);
        for (int w = 0; w < writers; w++)
        {
            new Thread(() =>
            {
                for (int i = 0; i < eventsPerWriter; i++)
                {
                    recorder.RecordSend();
                    recorder.RecordAck(i + 1);
                    recorder.RecordError(ErrorKind.Other);
                }

                done.Signal();
            }).Start();
        }

        long now = Start;
        while (!done.IsSet)
        {
            recorder.CloseInterval(now += Frequency);
        }

        recorder.CloseInterval(now + Frequency);

        Assert.Equal(writers * eventsPerWriter, recorder.Intervals.Sum(sample => sample.Sends));
        Assert.Equal(writers * eventsPerWriter, recorder.Intervals.Sum(sample => sample.Latency.Count));
        Assert.Equal(writers * eventsPerWriter, recorder.Intervals.Sum(sample => sample.Errors(ErrorKind.Other)));
        Assert.All(recorder.Intervals, sample => Assert.Equal(sample.Acks, sample.Latency.Count));
        Assert.Equal(writers * eventsPerWriter, recorder.Total.TotalCount);
    }
}
