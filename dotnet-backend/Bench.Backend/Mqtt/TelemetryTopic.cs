namespace Bench.Backend.Mqtt;

/// <summary>The topics of contract §6: devices publish to <c>devices/{id}/telemetry</c>.</summary>
internal static class TelemetryTopic
{
    public const string Filter = "devices/+/telemetry";

    /// <summary>Every worker joins this group, so the broker hands each message to exactly one of them.</summary>
    public const string SharedFilter = "$share/bench/" + Filter;

    private const string Prefix = "devices/";
    private const string Suffix = "/telemetry";

    /// <summary>Extracts <c>{id}</c>; false for any other topic shape.</summary>
    public static bool TryGetDeviceId(string topic, out string deviceId)
    {
        var idLength = topic.Length - Prefix.Length - Suffix.Length;
        var matches = idLength > 0
            && topic.StartsWith(Prefix, StringComparison.Ordinal)
            && topic.EndsWith(Suffix, StringComparison.Ordinal)
            && topic.IndexOf('/', Prefix.Length, idLength) < 0;
        deviceId = matches ? topic.Substring(Prefix.Length, idLength) : "";
        return matches;
    }
}
