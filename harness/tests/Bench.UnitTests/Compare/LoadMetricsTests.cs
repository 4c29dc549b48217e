using Bench.Harness.Orchestration.Compare;
using Bench.Harness.Results;
using Bench.Load.Recording;
using Bench.UnitTests.Agents;

namespace Bench.UnitTests.Compare;

public sealed class LoadMetricsTests
{
    [Fact]
    public void Error_percent_is_errors_over_the_sends_that_left()
    {
        // 99 answered + 1 timeout = 100 sent, 1 error.
        var result = SampleResults.With(99, 1_000);

        Assert.Equal(1.0, LoadMetrics.ErrorPercent(result), 9);
    }

    [Fact]
    public void Backpressure_errors_count_in_the_denominator_because_they_were_never_sent()
    {
        // 100 sent (99 answered, 1 timeout) and 300 due sends held back by devices still waiting for answers:
        // 301 errors out of 400 due sends, not 301% of the 100 that left.
        var sample = SampleResults.With(99, 1_000);
        var result = sample with { Errors = new Dictionary<ErrorKind, long> { [ErrorKind.Timeout] = 1, [ErrorKind.Backpressure] = 300 } };

        var metrics = LoadMetrics.Outcome(result);

        Assert.Equal(75.25, metrics[MetricNames.ErrorPercent], 9);
        Assert.Equal(301, metrics[MetricNames.Errors]);
        // Held-back sends are the backend's errors, not sends the generator missed.
        Assert.Equal(result.Late + result.Dropped, metrics[MetricNames.MissedSends]);
    }

    [Fact]
    public void Sends_due_on_devices_without_a_connection_count_in_the_denominator_too_so_the_rate_never_passes_100()
    {
        // 100 sent (99 answered, 1 timeout); 50 due sends of devices whose connection had closed, and 30 held back.
        var sample = SampleResults.With(99, 1_000);
        var result = sample with
        {
            NotSent = 80,
            Errors = new Dictionary<ErrorKind, long> { [ErrorKind.Timeout] = 1, [ErrorKind.ConnectionLost] = 50, [ErrorKind.Backpressure] = 30 },
        };

        var metrics = LoadMetrics.Outcome(result);

        Assert.Equal(100.0 * 81 / 180, metrics[MetricNames.ErrorPercent], 9);
        Assert.Equal((1.0, 50.0, 30.0), (metrics["errors.timeout"], metrics["errors.connection-lost"], metrics["errors.backpressure"]));
        Assert.False(metrics.ContainsKey("errors.rejected"));
    }

    [Fact]
    public void No_sends_and_no_errors_is_zero_percent()
    {
        var result = SampleResults.With(0) with { Sent = 0, Errors = new Dictionary<ErrorKind, long>() };

        Assert.Equal(0, LoadMetrics.ErrorPercent(result));
    }
}
