using Bench.Harness.Orchestration;
using Bench.Harness.Orchestration.Compare;
using Bench.Harness.Workloads;
using Bench.Load.Monitoring;
using Bench.UnitTests.Agents;

namespace Bench.UnitTests.Compare;

public sealed class ComparePlanningTests
{
    private static readonly TelemetrySpec Telemetry = new(0);

    [Fact]
    public void Cells_interleave_backends_innermost_and_trials_outermost()
    {
        var fleet = Workload("ws-fleet", WorkloadKind.WsFleet);
        var jobs = Workload("cpu-jobs", WorkloadKind.CpuJobs);
        var profile = Profile([fleet, jobs], scales: [10, 100], trials: 2);

        var cells = CellPlan.For(profile, [Backend("a"), Backend("b")]);

        Assert.Equal(
            [
                "a/ws-fleet/10/1", "b/ws-fleet/10/1", "a/ws-fleet/100/1", "b/ws-fleet/100/1", "a/cpu-jobs/10/1", "b/cpu-jobs/10/1",
                "a/ws-fleet/10/2", "b/ws-fleet/10/2", "a/ws-fleet/100/2", "b/ws-fleet/100/2", "a/cpu-jobs/10/2", "b/cpu-jobs/10/2",
            ],
            cells.Select(c => c.Key));
    }

    [Theory]
    [InlineData("auto", 2, "1", "0")]
    [InlineData("auto", 4, "3", "0-2")]
    [InlineData("auto", 1, null, null)]
    [InlineData("none", 2, null, null)]
    [InlineData("1/0", 2, "1", "0")]
    public void Cpu_placement_parses_auto_none_and_explicit_lists(string text, int cpus, string? backend, string? generator)
    {
        var errors = new List<string>();

        var placement = CpuPlacement.Parse(text, cpus, errors);

        Assert.Empty(errors);
        Assert.Equal(new CpuPlacement(backend, generator), placement);
    }

    [Fact]
    public void Cpu_placement_rejects_text_that_is_not_a_taskset_list()
    {
        var errors = new List<string>();

        CpuPlacement.Parse("fast", 2, errors);

        Assert.Contains("--cpus 'fast'", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(1.0, 1)]
    [InlineData(2.2, 3)]
    public void Durations_round_up_to_whole_seconds(double seconds, double expected) =>
        Assert.Equal(TimeSpan.FromSeconds(expected), Phases.Whole(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Fleet_warm_up_lasts_at_least_one_send_interval_and_a_second()
    {
        Assert.Equal(TimeSpan.FromSeconds(6), FleetDriver.Warmup(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(10), FleetDriver.Warmup(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_ladder_step_past_the_slo_is_the_backend_s_queueing_unless_the_generator_cpu_was_busy()
    {
        var queued = SampleResults.With(100, 1000) with { Late = 50, Saturation = new SaturationVerdict(true, "late") };
        var busy = queued with { GeneratorCpu = [0.95, 0.97, 0.99] };

        Assert.Null(HttpIngestDriver.StepSaturation(queued, metSlo: false));
        Assert.NotNull(HttpIngestDriver.StepSaturation(busy, metSlo: false));
        Assert.Equal("late", HttpIngestDriver.StepSaturation(queued, metSlo: true));
    }

    private static WorkloadSpec Workload(string name, WorkloadKind kind) =>
        new(name, kind, name, $"workloads/{name}.yaml", Telemetry, null, null, null, null, null);

    private static ProfileSpec Profile(IReadOnlyList<WorkloadSpec> workloads, IReadOnlyList<int> scales, int trials) =>
        new("test", "test", "workloads/profiles/test.yaml", scales, trials, workloads,
            new PhaseDurations(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)), SloSpec.Default, null);

    private static BackendSpec Backend(string name) =>
        new(name, name, "test", ".", "true", [], new Dictionary<string, string>(), new Dictionary<string, string>());
}
