using System.Globalization;
using Bench.Harness.Orchestration;

namespace Bench.Harness.Agents;

/// <summary>Validates <c>bench run</c>'s options whole: every problem is collected and reported at once (exit 2, nothing started).</summary>
internal static class RunSpecParser
{
    public const int MaxDevices = 1_000_000;
    public const int DefaultConnections = 64;

    /// <summary>
    /// Returns the spec, or throws <see cref="InvalidInputException"/> listing every error. Without --rate, each device
    /// sends once per <paramref name="sendInterval"/> (the workload file's, for fleets), else once a second.
    /// </summary>
    public static RunSpec Parse(RunOptions options, IReadOnlyCollection<string> knownBackends, TimeSpan? sendInterval = null)
    {
        var errors = new List<string>();
        var workload = ParseWorkload(options.Workload, errors);
        var (target, broker) = ParseEndpoints(options, workload, knownBackends, errors);
        var devices = ParseInt("--devices", options.Devices, 100, 1, MaxDevices, errors);
        var rate = ParseRate(options.Rate, devices / (sendInterval ?? TimeSpan.FromSeconds(1)).TotalSeconds, errors);
        var connections = ParseInt("--connections", options.Connections, Math.Min(devices, DefaultConnections), 1, MaxDevices, errors);
        var duration = ParseDuration("--duration", options.Duration, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), errors);
        var warmup = ParseDuration("--warmup", options.Warmup, TimeSpan.FromSeconds(5), TimeSpan.Zero, errors);
        var agents = options.Agents is null ? (int?)null : ParseInt("--agents", options.Agents, 1, 1, 253, errors);
        CheckAgents(options, agents, devices, errors);
        CheckSummaryPath(options.SummaryJson, errors);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new RunSpec(workload!.Value, options.Backend, target, broker, devices, rate, connections, duration, warmup, agents, options.InProcess, options.SummaryJson);
    }

    private static RunWorkload? ParseWorkload(string? name, List<string> errors)
    {
        if (name is null)
        {
            errors.Add($"--workload is required: one of {string.Join(", ", RunWorkloads.Names)}");
            return null;
        }

        if (RunWorkloads.TryParse(name, out var workload))
        {
            return workload;
        }

        errors.Add($"--workload '{name}' is not known: one of {string.Join(", ", RunWorkloads.Names)}");
        return null;
    }

    private static (Uri? Target, Uri? Broker) ParseEndpoints(RunOptions options, RunWorkload? workload, IReadOnlyCollection<string> knownBackends, List<string> errors)
    {
        if ((options.Backend is null) == (options.Target is null))
        {
            errors.Add("give exactly one of --backend NAME (Bench starts it) or --target URL (a server already running on loopback)");
        }

        if (options.Backend is not null && !knownBackends.Contains(options.Backend))
        {
            errors.Add($"--backend '{options.Backend}' is not in workloads/backends.yaml: one of {string.Join(", ", knownBackends)}");
        }

        var target = options.Target is null ? null : ParseLoopbackUri("--target", options.Target, ["http"], errors);
        var broker = options.Broker is null ? null : ParseLoopbackUri("--broker", options.Broker, ["mqtt"], errors);
        if (options.Broker is not null && options.Backend is not null)
        {
            errors.Add("--broker is only for --target: with --backend, Bench starts its own mosquitto for mqtt-fleet");
        }
        else if (options.Broker is not null && workload is not null && workload != RunWorkload.MqttFleet)
        {
            errors.Add($"--broker is only used by mqtt-fleet, not {workload.Value.Name()}");
        }

        if (workload == RunWorkload.MqttFleet && options.Target is not null && options.Broker is null)
        {
            errors.Add("mqtt-fleet against --target needs --broker mqtt://127.0.0.1:PORT (the broker that target subscribes to)");
        }

        return (target, broker);
    }

    private static Uri? ParseLoopbackUri(string option, string text, string[] schemes, List<string> errors)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme) || uri.IsDefaultPort && uri.Scheme == "mqtt")
        {
            errors.Add($"{option} '{text}' is not a {schemes[0]}://host:port URL");
            return null;
        }

        if (!LoopbackAddress.TryResolve(uri.Host, out _))
        {
            errors.Add($"{option} host '{uri.Host}' is not loopback: Bench only sends load to this machine (127.0.0.0/8, ::1 or localhost)");
            return null;
        }

        return uri;
    }

    private static int ParseInt(string option, string? text, int fallback, int min, int max, List<string> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(string.Create(CultureInfo.InvariantCulture, $"{option} '{text}' must be a whole number from {min:N0} to {max:N0}"));
        return fallback;
    }

    private static double ParseRate(string? text, double fallback, List<string> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && double.IsFinite(rate) && rate > 0 && rate <= 10_000_000)
        {
            return rate;
        }

        errors.Add($"--rate '{text}' must be a number of sends per second above 0 and at most 10,000,000");
        return 1;
    }

    private static TimeSpan ParseDuration(string option, string? text, TimeSpan fallback, TimeSpan min, List<string> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (DurationText.TryParse(text, out var value) && value >= min)
        {
            return value;
        }

        errors.Add(string.Create(CultureInfo.InvariantCulture, $"{option} '{text}' must be a duration of at least {min.TotalSeconds:0.###} s, in whole seconds, such as 30, 30s, 2m or 1h"));
        return fallback;
    }

    private static void CheckAgents(RunOptions options, int? agents, int devices, List<string> errors)
    {
        if (options.InProcess && agents is not null)
        {
            errors.Add("--agents and --in-process exclude each other: --in-process generates load inside bench itself");
        }

        if (agents > devices)
        {
            errors.Add($"--agents {agents} is more than --devices {devices}: every agent needs at least one device");
        }
    }

    private static void CheckSummaryPath(string? path, List<string> errors)
    {
        var directory = path is null ? null : Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            errors.Add($"--summary-json '{path}': folder '{directory}' does not exist");
        }
    }
}
