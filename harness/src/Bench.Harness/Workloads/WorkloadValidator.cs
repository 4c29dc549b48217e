namespace Bench.Harness.Workloads;

/// <summary>Turns a <see cref="WorkloadDefinition"/> into a <see cref="WorkloadSpec"/>, recording every problem.</summary>
internal static class WorkloadValidator
{
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>The spec, or null when the report holds at least one problem of this file.</summary>
    public static WorkloadSpec? Validate(string name, WorkloadDefinition definition, ValidationReport report)
    {
        if (definition.Kind is null)
        {
            report.Add("kind", $"is required (one of {string.Join(", ", WorkloadKinds.ByName.Keys)})");
            return null;
        }

        if (!WorkloadKinds.ByName.TryGetValue(definition.Kind, out var kind))
        {
            report.Add("kind", $"must be one of {string.Join(", ", WorkloadKinds.ByName.Keys)} (got '{definition.Kind}')");
            return null;
        }

        CheckSections(kind, definition, report);
        var spec = new WorkloadSpec(
            name,
            kind,
            definition.Description ?? "",
            report.File,
            Telemetry(definition.Telemetry, report),
            kind == WorkloadKind.HttpIngest ? Http(definition.Http, report) : null,
            definition.Ladder is null ? null : Ladder(definition.Ladder, report),
            definition.Fleet is null ? null : Fleet(definition.Fleet, report),
            kind is WorkloadKind.MqttFleet or WorkloadKind.Pipeline ? Mqtt(definition.Mqtt, report) : null,
            definition.Jobs is null ? null : Jobs(definition.Jobs, report))
        {
            Analytics = definition.Analytics is null ? null : Analytics(definition.Analytics, report),
        };
        return report.HasErrors ? null : spec;
    }

    private static void CheckSections(WorkloadKind kind, WorkloadDefinition definition, ValidationReport report)
    {
        var present = new Dictionary<string, bool>
        {
            ["telemetry"] = definition.Telemetry is not null,
            ["http"] = definition.Http is not null,
            ["ladder"] = definition.Ladder is not null,
            ["fleet"] = definition.Fleet is not null,
            ["mqtt"] = definition.Mqtt is not null,
            ["jobs"] = definition.Jobs is not null,
            ["analytics"] = definition.Analytics is not null,
        };
        var required = WorkloadKinds.Required(kind);
        var allowed = required.Concat(WorkloadKinds.Optional(kind)).ToHashSet();
        var kindName = WorkloadKinds.Name(kind);
        foreach (var section in required.Where(s => !present[s]))
        {
            report.Add(section, $"is required for kind {kindName}");
        }

        foreach (var section in present.Where(p => p.Value && !allowed.Contains(p.Key)).Select(p => p.Key))
        {
            report.Add(section, $"is not used by kind {kindName} (it uses {string.Join(", ", allowed.Order())})");
        }
    }

    private static TelemetrySpec Telemetry(TelemetryDefinition? definition, ValidationReport report) =>
        new(report.Check("telemetry.vibrationSamples", definition?.VibrationSamples, n => n is >= 0 and <= 1024, "0 to 1024 (contract §2)") ?? 0);

    private static HttpSpec Http(HttpDefinition? definition, ValidationReport report) => new(
        report.Check("http.connections", definition?.Connections, n => n is >= 1 and <= 10_000, "1 to 10000") ?? HttpSpec.Default.Connections,
        report.Duration("http.requestTimeout", definition?.RequestTimeout, HttpSpec.Default.RequestTimeout, MinimumTimeout) ?? HttpSpec.Default.RequestTimeout);

    private static RateLadderSpec Ladder(LadderDefinition definition, ValidationReport report)
    {
        var start = report.Check("ladder.startRate", report.Required("ladder.startRate", definition.StartRate), r => r > 0, "greater than 0");
        var growth = report.Check("ladder.growth", report.Required("ladder.growth", definition.Growth), g => g > 1, "greater than 1");
        var max = report.Check("ladder.maxRate", report.Required("ladder.maxRate", definition.MaxRate), m => start is null || m >= start, "at least ladder.startRate");
        var ladder = new RateLadderSpec(start ?? 1, growth ?? 2, max ?? 1);
        if (start is not null && growth is not null && max is not null && Math.Log(max.Value / start.Value) / Math.Log(growth.Value) >= RateLadderSpec.MaxSteps)
        {
            report.Add("ladder", $"must reach maxRate in at most {RateLadderSpec.MaxSteps} steps (raise growth or lower maxRate)");
        }

        return ladder;
    }

    private static FleetSpec Fleet(FleetDefinition definition, ValidationReport report) => new(
        report.Duration("fleet.sendInterval", definition.SendInterval, null, TimeSpan.FromMilliseconds(10)) ?? TimeSpan.FromSeconds(1),
        report.Check("fleet.connectRate", report.Required("fleet.connectRate", definition.ConnectRate), r => r > 0, "greater than 0") ?? 1,
        report.Duration("fleet.connectTimeout", definition.ConnectTimeout, FleetSpec.DefaultTimeout, MinimumTimeout) ?? FleetSpec.DefaultTimeout,
        report.Duration("fleet.ackTimeout", definition.AckTimeout, FleetSpec.DefaultTimeout, MinimumTimeout) ?? FleetSpec.DefaultTimeout);

    private static MqttSpec Mqtt(MqttDefinition? definition, ValidationReport report) => new(
        report.Check("mqtt.qos", definition?.Qos, q => q is 0 or 1, "0 or 1") ?? MqttSpec.Default.Qos,
        report.Duration("mqtt.keepAlive", definition?.KeepAlive, MqttSpec.Default.KeepAlive, TimeSpan.FromSeconds(1)) ?? MqttSpec.Default.KeepAlive);

    private static AnalyticsSpec Analytics(AnalyticsDefinition definition, ValidationReport report) => new(
        report.Check("analytics.devices", report.Required("analytics.devices", definition.Devices), n => n is >= 1 and <= 10_000, "1 to 10000") ?? 1,
        report.Duration("analytics.sendInterval", definition.SendInterval, null, TimeSpan.FromMilliseconds(10)) ?? TimeSpan.FromSeconds(1),
        // The hybrid edge forwards readings of at least 16 samples (node-reference/src/hybrid/README.md); the contract allows 1024.
        report.Check("analytics.vibrationSamples", report.Required("analytics.vibrationSamples", definition.VibrationSamples), n => n is >= 16 and <= 1024, "16 to 1024 (16 is the fewest a pipeline analyses; contract §2 allows 1024)") ?? 16,
        report.Duration("analytics.resultTimeout", definition.ResultTimeout, FleetSpec.DefaultTimeout, MinimumTimeout) ?? FleetSpec.DefaultTimeout);

    private static JobMixSpec Jobs(JobsDefinition definition, ValidationReport report)
    {
        var sizes = definition.Sizes ?? [];
        if (sizes.Count == 0)
        {
            report.Add("jobs.sizes", "is required: a list of sample counts such as [1024, 4096]");
        }

        foreach (var (size, index) in sizes.Select((s, i) => (s, i)).Where(entry => !JobMixSpec.IsValidSize(entry.s)))
        {
            report.Add($"jobs.sizes[{index}]", $"must be a power of two from 16 to 65536 (contract §4) (got {size})");
        }

        var smallest = sizes.Count == 0 ? int.MaxValue : sizes.Min();
        var window = definition.Window ?? JobMixSpec.DefaultWindow;
        if (window < 2 || window >= smallest)
        {
            report.Add("jobs.window", $"must be from 2 to one less than the smallest size, {smallest} (got {window})");
        }

        return new JobMixSpec(
            report.Check("jobs.rate", report.Required("jobs.rate", definition.Rate), r => r > 0, "greater than 0") ?? 1,
            sizes,
            report.Check("jobs.sampleRateHz", report.Required("jobs.sampleRateHz", definition.SampleRateHz), r => r > 0 && double.IsFinite(r), "greater than 0") ?? 1,
            window,
            report.Check("jobs.threshold", definition.Threshold, t => t > 0 && double.IsFinite(t), "greater than 0") ?? JobMixSpec.DefaultThreshold,
            report.Duration("jobs.requestTimeout", definition.RequestTimeout, JobMixSpec.DefaultRequestTimeout, MinimumTimeout) ?? JobMixSpec.DefaultRequestTimeout);
    }
}
