using Bench.Harness.Reporting.Report;
using Bench.Harness.Reporting.Report.Claims;
using Bench.Harness.Results;

namespace Bench.UnitTests.Report;

public sealed class ClaimsEvaluatorTests
{
    private const string P99 = MetricNames.LatencyP99;
    private const string Open = MetricNames.OpenConnections;
    private const string Baseline = MetricNames.HeartbeatP99Baseline;
    private const string WithJobs = MetricNames.HeartbeatP99WithJobs;

    [Fact]
    public void C1_is_not_measured_when_ws_fleet_never_reached_10000_devices()
    {
        var results = new ReportResults()
            .Add("node", "ws-fleet", 1000, 3, (P99, [4, 4.1, 4.2]), (Open, [1000, 1000, 1000]))
            .Add("python", "ws-fleet", 1000, 3, (P99, [9, 9.1, 9.2]), (Open, [1000, 1000, 1000]));

        var claim = Evaluate(new PersistentConnectionLatencyClaim(), results);

        Assert.Equal(ClaimVerdict.NotMeasured, claim.Verdict);
        Assert.Equal("not measured", claim.VerdictText);
    }

    [Fact]
    public void C1_holds_when_node_keeps_every_device_and_its_p99_is_clearly_lower_in_three_trials()
    {
        var results = new ReportResults()
            .Add("node", "ws-fleet", 10_000, 3, (P99, [4, 4.1, 4.2]), (Open, [10_000, 10_000, 9_990]))
            .Add("python", "ws-fleet", 10_000, 3, (P99, [9, 9.5, 9.2]), (Open, [10_000, 10_000, 10_000]))
            .Add("dotnet", "ws-fleet", 10_000, 3, (P99, [3, 3.1, 3.2]), (Open, [10_000, 10_000, 10_000]));

        var claim = Evaluate(new PersistentConnectionLatencyClaim(), results);

        Assert.Equal(ClaimVerdict.Holds, claim.Verdict);
        Assert.Contains(claim.Evidence, e => e.Backend == "dotnet" && e.Role == "reference" && e.Metric == P99);
    }

    [Fact]
    public void C1_does_not_hold_when_node_loses_devices_even_with_a_lower_p99()
    {
        var results = new ReportResults()
            .Add("node", "ws-fleet", 10_000, 3, (P99, [4, 4.1, 4.2]), (Open, [10_000, 9_000, 10_000]))
            .Add("python", "ws-fleet", 10_000, 3, (P99, [9, 9.5, 9.2]), (Open, [10_000, 10_000, 10_000]));

        Assert.Equal(ClaimVerdict.DoesNotHold, Evaluate(new PersistentConnectionLatencyClaim(), results).Verdict);
    }

    [Fact]
    public void C2_with_one_trial_is_inconclusive_and_says_which_way_the_figures_lean()
    {
        var results = new ReportResults()
            .Add("node", "ws-fleet", 1000, 1, (MetricNames.BackendMemoryPerConnection, [2.0]))
            .Add("python", "ws-fleet", 1000, 1, (MetricNames.BackendMemoryPerConnection, [6.0]));

        var claim = Evaluate(new MemoryPerConnectionClaim(), results);

        Assert.Equal(ClaimVerdict.Inconclusive, claim.Verdict);
        Assert.Equal("inconclusive (1 trial)", claim.VerdictText);
        Assert.Contains("in line with the claim", claim.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void C2_is_inconclusive_when_three_trials_overlap()
    {
        var results = new ReportResults()
            .Add("node", "ws-fleet", 1000, 3, (MetricNames.BackendMemoryPerConnection, [2.0, 6.5, 3.0]))
            .Add("python", "ws-fleet", 1000, 3, (MetricNames.BackendMemoryPerConnection, [6.0, 2.5, 7.0]));

        var claim = Evaluate(new MemoryPerConnectionClaim(), results);

        Assert.Equal(ClaimVerdict.Inconclusive, claim.Verdict);
        Assert.Equal("inconclusive", claim.VerdictText);
    }

    [Fact]
    public void C3_is_not_measured_without_the_offload_variants_but_shows_the_inline_figures()
    {
        var results = new ReportResults()
            .Add("node", "mixed", 1000, 3, (Baseline, [2, 2.1, 2.2]), (WithJobs, [80, 85, 90]))
            .Add("python", "mixed", 1000, 3, (Baseline, [3, 3.1, 3.2]), (WithJobs, [120, 125, 130]));

        var claim = Evaluate(new CpuJobStallClaim(), results);

        Assert.Equal(ClaimVerdict.NotMeasured, claim.Verdict);
        Assert.Contains("node-offload and python-offload did not run", claim.Explanation, StringComparison.Ordinal);
        Assert.Contains(claim.Evidence, e => e.Backend == "python" && e.Metric == WithJobs);
    }

    [Fact]
    public void C3_holds_when_inline_backends_stall_and_offloaded_ones_stay_flat()
    {
        var results = new ReportResults()
            .Add("node", "mixed", 1000, 3, (Baseline, [2, 2.1, 2.2]), (WithJobs, [80, 85, 90]))
            .Add("python", "mixed", 1000, 3, (Baseline, [3, 3.1, 3.2]), (WithJobs, [120, 125, 130]))
            .Add("node-offload", "mixed", 1000, 3, (Baseline, [2, 2.1, 2.2]), (WithJobs, [2.3, 2.2, 2.4]))
            .Add("python-offload", "mixed", 1000, 3, (Baseline, [3, 3.1, 3.2]), (WithJobs, [3.4, 3.3, 3.1]));

        Assert.Equal(ClaimVerdict.Holds, Evaluate(new CpuJobStallClaim(), results).Verdict);
    }

    [Fact]
    public void C3_does_not_hold_when_an_offloaded_backend_still_stalls()
    {
        var results = new ReportResults()
            .Add("node", "mixed", 1000, 3, (Baseline, [2, 2.1, 2.2]), (WithJobs, [80, 85, 90]))
            .Add("python", "mixed", 1000, 3, (Baseline, [3, 3.1, 3.2]), (WithJobs, [120, 125, 130]))
            .Add("node-offload", "mixed", 1000, 3, (Baseline, [2, 2.1, 2.2]), (WithJobs, [40, 45, 50]))
            .Add("python-offload", "mixed", 1000, 3, (Baseline, [3, 3.1, 3.2]), (WithJobs, [3.4, 3.3, 3.1]));

        Assert.Equal(ClaimVerdict.DoesNotHold, Evaluate(new CpuJobStallClaim(), results).Verdict);
    }

    [Fact]
    public void C3_does_not_count_a_backend_already_over_the_slo_without_jobs_as_not_stalling()
    {
        // At 10,000 devices python misses the SLO on heartbeats alone (p99 of seconds): no doubling on top of that is
        // no evidence that jobs do not stall it.
        var results = new ReportResults()
            .Add("node", "mixed", 10_000, 3, (Baseline, [9, 9.5, 10]), (WithJobs, [80, 85, 90]))
            .Add("python", "mixed", 10_000, 3, (Baseline, [5_600, 5_700, 5_800]), (WithJobs, [6_100, 6_200, 6_300]))
            .Add("node-offload", "mixed", 10_000, 3, (Baseline, [9, 9.5, 10]), (WithJobs, [9.6, 9.8, 10.1]))
            .Add("python-offload", "mixed", 10_000, 3, (Baseline, [12, 12.5, 13]), (WithJobs, [13, 13.2, 13.1]));

        var claim = Evaluate(new CpuJobStallClaim(), results);

        Assert.Equal(ClaimVerdict.Inconclusive, claim.Verdict);
        Assert.Contains("heartbeat.p99.baseline 5,700 ms already misses the SLO (50 ms) without jobs", claim.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void C4_does_not_hold_when_python_is_slower_at_one_job_size()
    {
        var results = new ReportResults()
            .Add("python", "cpu-jobs", 1000, 3, (MetricNames.JobsP99For(1024), [2, 2.1, 2.2]), (MetricNames.JobsP99For(16384), [45, 46, 47]))
            .Add("node", "cpu-jobs", 1000, 3, (MetricNames.JobsP99For(1024), [5, 5.1, 5.2]), (MetricNames.JobsP99For(16384), [30, 31, 32]));

        var claim = Evaluate(new NumPySpeedClaim(), results);

        Assert.Equal(ClaimVerdict.DoesNotHold, claim.Verdict);
        Assert.Contains("jobs of 16,384 samples", claim.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void C5_holds_when_every_python_trial_meets_the_slo_with_cpu_headroom()
    {
        var results = new ReportResults()
            .Add("python", "ws-fleet", 1000, 3, (P99, [10, 12, 11]), (MetricNames.ErrorPercent, [0, 0, 0.1]), (MetricNames.BackendCpuMean, [30, 32, 31]));

        Assert.Equal(ClaimVerdict.Holds, Evaluate(new SmallFleetSloClaim(), results).Verdict);
    }

    [Fact]
    public void C5_does_not_hold_when_python_is_strained_in_most_trials()
    {
        var results = new ReportResults()
            .Add("python", "mqtt-fleet", 500, 3, (P99, [10, 12, 11]), (MetricNames.ErrorPercent, [0, 0, 0]), (MetricNames.BackendCpuMean, [85, 90, 60]));

        Assert.Equal(ClaimVerdict.DoesNotHold, Evaluate(new SmallFleetSloClaim(), results).Verdict);
    }

    [Fact]
    public void C6_is_not_measured_without_both_multi_process_variants()
    {
        var results = new ReportResults()
            .Add("python-multi", "ws-fleet", 1000, 3, (MetricNames.BackendPssMax, [300, 310, 305]));

        Assert.Equal(ClaimVerdict.NotMeasured, Evaluate(new WorkerMemoryClaim(), results).Verdict);
    }

    [Fact]
    public void C6_holds_when_python_multi_clearly_uses_more_proportional_memory()
    {
        var results = new ReportResults()
            .Add("python-multi", "ws-fleet", 1000, 3, (MetricNames.BackendPssMax, [300, 310, 305]))
            .Add("node-cluster", "ws-fleet", 1000, 3, (MetricNames.BackendPssMax, [200, 205, 210]));

        Assert.Equal(ClaimVerdict.Holds, Evaluate(new WorkerMemoryClaim(), results).Verdict);
    }

    [Fact]
    public void C7_with_only_saturated_cells_is_inconclusive_because_of_the_generator()
    {
        var capacity = new Dictionary<string, double> { [MetricNames.Capacity] = 1500 };
        var results = new ReportResults()
            .Add("node", "http-ingest", 1000, 1, CellStatus.Saturated, capacity)
            .Add("python", "http-ingest", 1000, 1, CellStatus.Saturated, capacity);

        var claim = Evaluate(new HttpThroughputClaim(), results);

        Assert.Equal(ClaimVerdict.Inconclusive, claim.Verdict);
        Assert.Equal("inconclusive: generator saturated", claim.VerdictText);
        Assert.All(claim.Evidence, e => Assert.Contains("not used", e.Spread, StringComparison.Ordinal));
    }

    [Fact]
    public void C7_holds_when_node_capacity_is_clearly_higher()
    {
        var results = new ReportResults()
            .Add("node", "http-ingest", 1000, 3, (MetricNames.Capacity, [4000, 4100, 4050]))
            .Add("python", "http-ingest", 1000, 3, (MetricNames.Capacity, [1500, 1550, 1600]));

        Assert.Equal(ClaimVerdict.Holds, Evaluate(new HttpThroughputClaim(), results).Verdict);
    }

    [Fact]
    public void C8_is_not_measured_without_the_hybrid_on_pipeline_holds_when_ingestion_stays_flat_and_fails_when_it_rises()
    {
        const string alone = MetricNames.IngestP99Baseline, busy = MetricNames.IngestP99WithAnalytics;
        var withoutHybrid = new ReportResults().Add("node", "mixed", 1000, 3, (Baseline, [2, 2.1, 2.2]), (WithJobs, [80, 85, 90]));
        var hybridOnMixedOnly = new ReportResults().Add("hybrid", "mixed", 1000, 3, (Baseline, [4, 4.1, 4.2]), (WithJobs, [4.2, 4.0, 4.3]));
        var flat = new ReportResults().Add("hybrid", "pipeline", 1000, 3, (alone, [4, 4.1, 4.2]), (busy, [4.2, 4.0, 4.3]));
        var rising = new ReportResults().Add("hybrid", "pipeline", 1000, 3, (alone, [4, 4.1, 4.2]), (busy, [30, 35, 40]));

        Assert.Equal(ClaimVerdict.NotMeasured, Evaluate(new HybridIngestionClaim(), withoutHybrid).Verdict);
        Assert.Equal(ClaimVerdict.NotMeasured, Evaluate(new HybridIngestionClaim(), hybridOnMixedOnly).Verdict);
        Assert.Equal(ClaimVerdict.Holds, Evaluate(new HybridIngestionClaim(), flat).Verdict);
        Assert.Equal(ClaimVerdict.DoesNotHold, Evaluate(new HybridIngestionClaim(), rising).Verdict);
    }

    [Fact]
    public void Every_claim_is_not_measured_on_an_empty_run()
    {
        var claims = ClaimsEvaluator.Evaluate(ReportModelBuilder.Build(new ReportResults().Document()));

        Assert.Equal(["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"], claims.Select(c => c.Id));
        Assert.All(claims, c => Assert.Equal(ClaimVerdict.NotMeasured, c.Verdict));
    }

    private static ClaimResult Evaluate(IClaim claim, ReportResults results) =>
        ClaimsEvaluator.Evaluate(claim, ReportModelBuilder.Build(results.Document()));
}
