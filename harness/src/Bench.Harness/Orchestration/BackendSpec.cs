using System.Globalization;
using Bench.Harness.Supervision;

namespace Bench.Harness.Orchestration;

/// <summary>A validated backend description, ready to be turned into a process for a given port and broker.</summary>
internal sealed record BackendSpec(
    string Name,
    string Description,
    string Language,
    string WorkingDirectory,
    string Command,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, string> Exemptions,
    int Workers = 1)
{
    public const string MqttPortPlaceholder = "{mqttport}";

    /// <summary>The features backends.yaml may list, with what each promises.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownFeatures = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["analysis"] = "publishes an analysis result on devices/{id}/analysis for each reading with 16 or more vibration samples (the pipeline workload)",
        ["brokers"] = "takes several comma-separated broker URLs in {broker}, subscribes to each and replies through the broker a reading came from (contract §6), so an MQTT fleet larger than one mosquitto can hold is spread over several",
        ["worker-scaling"] = "its {workers} processes share the listening port, so the harness may start more of them than written here when a fleet needs more connections than one process's descriptor limit allows",
    };

    /// <summary>Features beyond the contract (see <see cref="KnownFeatures"/>); workloads that need one run only on backends that list it.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    public bool Offers(string? feature) => feature is null || Features.Contains(feature, StringComparer.Ordinal);

    /// <summary>True for a backend that is its own MQTT broker (node-aedes): the harness gives it an MQTT port and starts no mosquitto.</summary>
    public bool ServesMqtt => Arguments.Any(a => a.Contains(MqttPortPlaceholder, StringComparison.Ordinal));

    /// <summary>
    /// Fills the placeholders: {port}, {workers}, {broker} (empty when there is none), {mqttport}, {root}; the address
    /// to listen on goes in BENCH_HOST (contract §1: the environment stands in for --host).
    /// </summary>
    public ProcessSpec ToProcess(string root, int port, int workers, string? brokerUrl, string? cpuList, int mqttPort = 0, string host = "127.0.0.1")
    {
        string Fill(string value) => value
            .Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(MqttPortPlaceholder, mqttPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{workers}", workers.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{broker}", brokerUrl ?? string.Empty, StringComparison.Ordinal)
            .Replace("{root}", root, StringComparison.Ordinal);

        return new ProcessSpec(
            Name,
            Fill(Command),
            Arguments.Select(Fill).ToArray(),
            Path.Combine(root, WorkingDirectory),
            new Dictionary<string, string>(Environment.ToDictionary(kv => kv.Key, kv => Fill(kv.Value))) { ["BENCH_HOST"] = host },
            cpuList);
    }
}
