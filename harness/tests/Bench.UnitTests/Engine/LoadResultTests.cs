using Bench.Load.Engine;
using Bench.Load.Monitoring;
using Bench.Load.Recording;

namespace Bench.UnitTests.Engine;

public sealed class LoadResultTests
{
    [Fact]
    public void Merging_adds_counts_and_histograms_so_percentiles_are_those_of_all_samples()
    {
        // One agent saw 99 fast answers, the other one slow answer: averaging p99s would say ~50 ms, the truth is 1 ms.
        var fast = Result(sent: 99, latencies: Enumerable.Repeat(1_000L, 99));
        var slow = Result(sent: 1, latencies: [100_000]);

        var merged = LoadResult.Merge([fast, slow]);

        Assert.Equal(100, merged.Sent);
        Assert.Equal(100, merged.Acked);
        Assert.Equal(100, merged.Latency.TotalCount);
        Assert.Equal(fast.Latency.ValueAtPercentile(99), merged.Latency.ValueAtPercentile(99));
        Assert.Equal(slow.Latency.Max, merged.Latency.Max);
        Assert.Equal(2, merged.Agents);
        Assert.Equal(new ConnectionSummary(20, 18, 2, 0), merged.Connections);
        Assert.Equal(4, merged.Errors[ErrorKind.Timeout]);
    }

    [Fact]
    public void Merged_intervals_add_by_index_and_recompute_their_latency_from_the_merged_histograms()
    {
        var merged = LoadResult.Merge([Result(99, Enumerable.Repeat(1_000L, 99)), Result(1, [100_000])]);

        var interval = Assert.Single(merged.Intervals);
        Assert.Equal(100, interval.Acks);
        Assert.Equal(100, interval.Latency.Count);
        Assert.Equal(merged.Latency.ValueAtPercentile(99), interval.Latency.P99);
        Assert.Equal(100, HistogramEncoding.DecodeCompressed(merged.IntervalLatencies[0]).TotalCount);
    }

    [Fact]
    public void Merged_cpu_is_the_busiest_agent_per_second_and_any_saturated_agent_marks_the_merge()
    {
        var calm = Result(10, [1_000]) with { GeneratorCpu = [0.2, 0.3] };
        var busy = Result(10, [1_000]) with
        {
            GeneratorCpu = [0.95, 0.1, 0.4],
            Saturation = new SaturationVerdict(true, "generator CPU median 95%"),
        };

        var merged = LoadResult.Merge([calm, busy]);

        Assert.Equal([0.95, 0.3, 0.4], merged.GeneratorCpu);
        Assert.True(merged.Saturation.IsSaturated);
        Assert.Contains("1 of 2 agents", merged.Saturation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_survives_a_json_round_trip_with_its_histograms_exact()
    {
        var result = Result(99, Enumerable.Range(1, 99).Select(i => (long)i * 1_000));

        string json = LoadJson.Serialize(result);
        var back = LoadJson.Deserialize<LoadResult>(json);

        Assert.Contains("\"latency\":\"", json, StringComparison.Ordinal);
        Assert.Equal(result.Sent, back.Sent);
        Assert.Equal(result.Errors[ErrorKind.Timeout], back.Errors[ErrorKind.Timeout]);
        Assert.Equal(result.Latency.TotalCount, back.Latency.TotalCount);
        Assert.Equal(result.Latency.ValueAtPercentile(99), back.Latency.ValueAtPercentile(99));
        Assert.Equal(result.Intervals[0], back.Intervals[0] with { ErrorsByKind = result.Intervals[0].ErrorsByKind });
        Assert.Equal(result.Intervals[0].ErrorsByKind, back.Intervals[0].ErrorsByKind);
        Assert.Equal(result.Connections, back.Connections);
    }

    [Fact]
    public void Open_connections_past_an_agents_last_interval_keep_its_last_value_while_counts_stop()
    {
        var shorter = Result(5, [1_000]);
        var longer = Result(5, [1_000]);
        var second = longer.Intervals[0] with { Index = 1, Start = TimeSpan.FromSeconds(4), OpenConnections = 12 };
        longer = longer with { Intervals = [longer.Intervals[0], second], IntervalLatencies = [longer.IntervalLatencies[0], longer.IntervalLatencies[0]] };

        var merged = LoadResult.Merge([shorter, longer]);

        Assert.Equal(2, merged.Intervals.Count);
        Assert.Equal(20, merged.Intervals[0].OpenConnections);
        // The shorter agent's 10 connections did not close when its intervals ended: 10 + 12, not 12.
        Assert.Equal(22, merged.Intervals[1].OpenConnections);
        Assert.Equal(5, merged.Intervals[1].Sends);
    }

    private static LoadResult Result(long sent, IEnumerable<long> latencies)
    {
        var histogram = new LatencyHistogram();
        foreach (long latency in latencies)
        {
            histogram.Record(latency);
        }

        var errors = Enum.GetValues<ErrorKind>().ToDictionary(k => k, k => k == ErrorKind.Timeout ? 2L : 0L);
        var interval = new IntervalSample(0, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), sent, histogram.TotalCount,
            [.. errors.Values], 0, 0, 0, 0, 10, LatencySummary.Of(histogram));
        return new LoadResult
        {
            Sent = sent,
            Acked = histogram.TotalCount,
            Errors = errors,
            Late = 0,
            Dropped = 0,
            MeasuredDuration = TimeSpan.FromSeconds(1),
            Connections = new ConnectionSummary(10, 9, 1, 0),
            Latency = histogram,
            ServiceTime = histogram,
            ConnectTime = new LatencyHistogram(),
            Intervals = [interval],
            IntervalLatencies = [HistogramEncoding.EncodeCompressed(histogram)],
            GeneratorCpu = [0.5],
            Saturation = SaturationVerdict.NotSaturated,
        };
    }
}
