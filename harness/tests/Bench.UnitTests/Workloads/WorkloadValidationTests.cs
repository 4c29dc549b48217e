using Bench.Harness.Orchestration;
using Bench.Harness.Workloads;

namespace Bench.UnitTests.Workloads;

public sealed class WorkloadValidationTests : IDisposable
{
    private readonly WorkloadFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_problem_in_every_file_is_reported_at_once_with_its_file_and_field()
    {
        _folder
            .Workload("ladder", """
                kind: http-ingest
                ladder: { startRate: 0, growth: 0.9 }
                fleet: { sendInterval: 5s, connectRate: 10 }
                """)
            .Workload("jobs", """
                kind: cpu-jobs
                jobs: { rate: 5, sizes: [1000, 4096], sampleRateHz: 100, requestTimeout: soon }
                """)
            .Workload("fleet", WorkloadFolder.ValidFleet)
            .Profile("p", """
                scales: [1000, 100]
                trials: 0
                workloads: [fleet, nope]
                durations: { warmup: 1s, measure: 2 }
                slo: { p99Ms: -5 }
                """);

        var errors = Assert.Throws<InvalidInputException>(() => WorkloadCatalog.Load(_folder.Root, 3)).Errors;

        Assert.Equal(
            [
                "workloads/jobs.yaml: jobs.sizes[0]: must be a power of two from 16 to 65536 (contract §4) (got 1000)",
                "workloads/jobs.yaml: jobs.requestTimeout: must be a duration such as 500ms, 2s, 1.5m or 8h (got 'soon')",
                "workloads/ladder.yaml: fleet: is not used by kind http-ingest (it uses http, ladder, telemetry)",
                "workloads/ladder.yaml: ladder.startRate: must be greater than 0 (got 0)",
                "workloads/ladder.yaml: ladder.growth: must be greater than 1 (got 0.9)",
                "workloads/ladder.yaml: ladder.maxRate: is required",
                "workloads/profiles/p.yaml: scales[1]: must be greater than the scale before it, 1000 (got 100)",
                "workloads/profiles/p.yaml: trials: must be 1 to 100 (got 0)",
                "workloads/profiles/p.yaml: workloads[1]: unknown workload 'nope' (known: fleet, jobs, ladder)",
                "workloads/profiles/p.yaml: durations.measure: must be a duration such as 500ms, 2s, 1.5m or 8h (got '2')",
                "workloads/profiles/p.yaml: durations.ladderStep: is required",
                "workloads/profiles/p.yaml: slo.p99Ms: must be greater than 0 (got -5)",
            ],
            errors);
    }

    [Fact]
    public void A_missing_or_unknown_kind_and_missing_sections_are_named()
    {
        _folder
            .Workload("a", "description: no kind\n")
            .Workload("b", "kind: udp-flood\n")
            .Workload("c", "kind: mixed\nfleet: { sendInterval: 1s, connectRate: 10 }\n")
            .Profile("p", WorkloadFolder.ValidProfile);

        var errors = Assert.Throws<InvalidInputException>(() => WorkloadCatalog.Load(_folder.Root, 3)).Errors;

        Assert.Equal(
            [
                "workloads/a.yaml: kind: is required (one of http-ingest, ws-fleet, mqtt-fleet, cpu-jobs, mixed, pipeline)",
                "workloads/b.yaml: kind: must be one of http-ingest, ws-fleet, mqtt-fleet, cpu-jobs, mixed, pipeline (got 'udp-flood')",
                "workloads/c.yaml: jobs: is required for kind mixed",
            ],
            errors);
    }

    [Fact]
    public void A_pipeline_needs_its_analytics_section_with_enough_vibration_samples_to_analyse()
    {
        _folder
            .Workload("p1", "kind: pipeline\nfleet: { sendInterval: 1s, connectRate: 10 }\n")
            .Workload("p2", "kind: pipeline\nfleet: { sendInterval: 1s, connectRate: 10 }\nanalytics: { devices: 0, sendInterval: 1s, vibrationSamples: 8 }\n")
            .Workload("p3", "kind: pipeline\nfleet: { sendInterval: 1s, connectRate: 10 }\nmqtt: { qos: 1 }\nanalytics: { devices: 5, sendInterval: 2s, vibrationSamples: 64 }\n")
            .Profile("p", WorkloadFolder.ValidProfile);

        var errors = Assert.Throws<InvalidInputException>(() => WorkloadCatalog.Load(_folder.Root, 3)).Errors;

        Assert.Equal(
            [
                "workloads/p1.yaml: analytics: is required for kind pipeline",
                "workloads/p2.yaml: analytics.devices: must be 1 to 10000 (got 0)",
                "workloads/p2.yaml: analytics.vibrationSamples: must be 16 to 1024 (16 is the fewest a pipeline analyses; contract §2 allows 1024) (got 8)",
            ],
            errors);
    }

    [Fact]
    public void Yaml_syntax_errors_and_unknown_fields_are_reported_with_their_line()
    {
        _folder
            .Workload("typo", "kind: ws-fleet\nfleet:\n  sendInterval: 5s\n  connectRate: 10\n  sendIntervall: 3s\n")
            .Workload("broken", "kind: ws-fleet\nfleet: { sendInterval: 5s\n")
            .Workload("shape", "kind: [ws-fleet]\n")
            .Profile("p", WorkloadFolder.ValidProfile);

        var errors = Assert.Throws<InvalidInputException>(() => WorkloadCatalog.Load(_folder.Root, 3)).Errors;

        Assert.Equal(3, errors.Count);
        Assert.StartsWith("workloads/broken.yaml: line 3, column 1:", errors[0], StringComparison.Ordinal);
        Assert.Equal("workloads/shape.yaml: line 1, column 7: has the wrong shape: expected a single value (text)", errors[1]);
        Assert.Equal("workloads/typo.yaml: line 5, column 3: Property 'sendIntervall' not found.", errors[2]);
    }

    [Fact]
    public void A_profile_over_its_budget_is_refused_with_the_estimate()
    {
        _folder
            .Workload("fleet", WorkloadFolder.ValidFleet)
            .Profile("tight", """
                scales: [1000, 2000]
                trials: 2
                durations: { warmup: 5s, measure: 20s, ladderStep: 1s }
                budget: { total: 2m, startupPerCell: 5s }
                """);

        var error = Assert.Throws<InvalidInputException>(() => WorkloadCatalog.Load(_folder.Root, backendCount: 3));

        // Per cell: 5 s start-up + 5 s warm-up + 20 s measured + ramp (1 s or 2 s); 2 scales × 2 trials × 3 backends.
        Assert.Equal(
            "workloads/profiles/tight.yaml: budget.total: the estimate for 3 backend(s) × 1 workload(s) is 6m18s, over the budget of 2m: shorten durations or remove scales",
            Assert.Single(error.Errors));
    }

    [Fact]
    public void Defaults_fill_optional_fields_and_omitted_workloads_mean_all()
    {
        _folder
            .Workload("fleet", WorkloadFolder.ValidFleet)
            .Workload("mqtt", "kind: mqtt-fleet\nfleet: { sendInterval: 2s, connectRate: 500 }\n")
            .Profile("p", WorkloadFolder.ValidProfile);

        var catalog = WorkloadCatalog.Load(_folder.Root, 3);
        var profile = catalog.Profile("p");
        var mqtt = catalog.Workloads["mqtt"];

        Assert.Equal(["fleet", "mqtt"], profile.Workloads.Select(w => w.Name));
        Assert.Equal(MqttSpec.Default, mqtt.Mqtt);
        Assert.Equal(new FleetSpec(TimeSpan.FromSeconds(2), 500, FleetSpec.DefaultTimeout, FleetSpec.DefaultTimeout), mqtt.Fleet);
        Assert.Equal(TelemetrySpec.Default, mqtt.Telemetry);
        Assert.Equal(SloSpec.Default, profile.Slo);
        Assert.Null(profile.Budget);
    }

    [Fact]
    public void Backends_yaml_beside_the_workloads_is_not_read_as_a_workload()
    {
        _folder.Workload("backends", "backends: []\n").Workload("fleet", WorkloadFolder.ValidFleet).Profile("p", WorkloadFolder.ValidProfile);

        Assert.Equal(["fleet"], WorkloadCatalog.Load(_folder.Root, 3).Workloads.Keys);
    }
}
