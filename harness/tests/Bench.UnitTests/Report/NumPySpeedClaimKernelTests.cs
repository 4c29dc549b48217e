using Bench.Harness.Reporting.Report;
using Bench.Harness.Reporting.Report.Claims;
using Bench.Harness.Reporting.Report.Kernel;
using Bench.Harness.Results;

namespace Bench.UnitTests.Report;

/// <summary>C4 with a kernel table: one finding per N, NumPy in-process against Node.js, beside the cpu-jobs findings.</summary>
public sealed class NumPySpeedClaimKernelTests
{
    [Fact]
    public void Holds_when_numpy_is_faster_than_node_beyond_both_spreads_and_the_margin_at_every_n()
    {
        // 100 ± 5 against 150 ± 10: NumPy's high 105 is 35 below Node's low 140, more than 10% of 150.
        var kernel = KernelTableFixture.Reading(KernelTableFixture.Row(1024, (100, 5), (150, 10)), KernelTableFixture.Row(4096, (400, 10), (600, 20)));

        var claim = Evaluate(new ReportResults(), kernel);

        Assert.Equal(ClaimVerdict.Holds, claim.Verdict);
        Assert.Contains("The analyze kernel at N = 1,024 (no HTTP): NumPy in-process 100.0 ± 5.0 µs vs Node.js out of process 150.0 ± 10.0 µs (mean ± sd): NumPy faster", claim.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_hold_when_node_is_clearly_faster_at_one_n()
    {
        var kernel = KernelTableFixture.Reading(KernelTableFixture.Row(1024, (774.6, 55.7), (258.9, 36.9)));

        var claim = Evaluate(new ReportResults(), kernel);

        Assert.Equal(ClaimVerdict.DoesNotHold, claim.Verdict);
        Assert.Contains("Node.js faster, the ranges apart by more than the margin 10% of Node.js's mean", claim.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranges_apart_by_less_than_the_margin_are_inconclusive_for_that_n()
    {
        // 100 ± 5 against 112 ± 2: apart by 5, but the margin is 11.2.
        var kernel = KernelTableFixture.Reading(KernelTableFixture.Row(1024, (100, 5), (150, 10)), KernelTableFixture.Row(4096, (100, 5), (112, 2)));

        var claim = Evaluate(new ReportResults(), kernel);

        Assert.Equal(ClaimVerdict.Inconclusive, claim.Verdict);
        Assert.Equal(InconclusiveReason.Unclear, claim.Limit);
        Assert.Contains("at N = 4,096 (no HTTP): NumPy in-process 100.0 ± 5.0 µs vs Node.js out of process 112.0 ± 2.0 µs (mean ± sd): the ranges overlap", claim.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cpu_jobs_findings_are_kept_and_a_clear_http_counterexample_still_refutes_the_claim()
    {
        var results = new ReportResults()
            .Add("node", "cpu-jobs", 1000, 3, (MetricNames.JobsP99For(1024), [4.0, 4.2, 4.1]))
            .Add("python", "cpu-jobs", 1000, 3, (MetricNames.JobsP99For(1024), [9.0, 9.4, 9.2]));
        var kernel = KernelTableFixture.Reading(KernelTableFixture.Row(1024, (100, 5), (150, 10)));

        var claim = Evaluate(results, kernel);

        Assert.Equal(ClaimVerdict.DoesNotHold, claim.Verdict);
        Assert.Contains("Cpu-jobs at 1,000 devices, jobs of 1,024 samples:", claim.Explanation, StringComparison.Ordinal);
        Assert.Contains("NumPy faster", claim.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_node_column_or_a_failed_kernel_phase_is_not_measured()
    {
        var missing = Evaluate(new ReportResults(), KernelTableFixture.Reading(KernelTableFixture.Row(1024, (100, 5), null)));
        var failed = Evaluate(new ReportResults(), KernelTableReading.Failed("timed out after 15 minutes"));

        Assert.Equal(ClaimVerdict.NotMeasured, missing.Verdict);
        Assert.Contains("the Node.js kernel was not measured at N = 1,024", missing.Explanation, StringComparison.Ordinal);
        Assert.Equal(ClaimVerdict.NotMeasured, failed.Verdict);
        Assert.Equal("neither cpu-jobs nor the kernel table ran (kernel table: failed: timed out after 15 minutes).", failed.Explanation);
    }

    [Fact]
    public void Without_a_kernel_table_only_cpu_jobs_decides_as_before()
    {
        var claim = Evaluate(new ReportResults(), KernelTableReading.Absent);

        Assert.Equal(ClaimVerdict.NotMeasured, claim.Verdict);
        Assert.Equal("neither cpu-jobs nor the kernel table ran.", claim.Explanation);
    }

    private static ClaimResult Evaluate(ReportResults results, KernelTableReading kernel) =>
        ClaimsEvaluator.Evaluate(new NumPySpeedClaim(), ReportModelBuilder.Build(results.Document(), kernel));
}
