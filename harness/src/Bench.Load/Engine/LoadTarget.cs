using System.Text.Json.Serialization;

namespace Bench.Load.Engine;

/// <summary>Where the backend listens: its HTTP base address (WebSocket is derived from it) and its MQTT broker.</summary>
public sealed record LoadTarget(Uri HttpBaseUri, string? MqttHost = null, int MqttPort = 0)
{
    /// <summary>
    /// Further brokers on <see cref="MqttHost"/> when one broker process cannot hold the fleet (each is capped by its
    /// descriptor limit): device g (its id number, unique across agents) connects to the (g mod K)-th of
    /// <see cref="MqttPort"/> followed by these, so K brokers hold a K-th of the fleet each. Empty for one broker.
    /// </summary>
    public IReadOnlyList<int> MoreMqttPorts { get; init; } = [];

    /// <summary>Every broker port, <see cref="MqttPort"/> first.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> MqttPorts => [MqttPort, .. MoreMqttPorts];

    /// <summary>The broker port device number <paramref name="deviceNumber"/> connects to.</summary>
    public int MqttPortFor(long deviceNumber) =>
        MoreMqttPorts.Count == 0 ? MqttPort : MqttPorts[(int)(deviceNumber % (MoreMqttPorts.Count + 1))];

    /// <summary>Equal when every address and every broker port is (the port list by value, as it travels to agents as JSON).</summary>
    public bool Equals(LoadTarget? other) =>
        other is not null && HttpBaseUri == other.HttpBaseUri && MqttHost == other.MqttHost && MqttPort == other.MqttPort
        && MoreMqttPorts.SequenceEqual(other.MoreMqttPorts);

    public override int GetHashCode() => HashCode.Combine(HttpBaseUri, MqttHost, MqttPort, MoreMqttPorts.Count);

    /// <summary>The WebSocket endpoint of a device: ws:// on the same host and port (wss:// for https, which the load engine's WebSocket client refuses: no backend here serves TLS).</summary>
    public Uri WebSocketUri(string deviceId)
    {
        var builder = new UriBuilder(new Uri(HttpBaseUri, "ws"))
        {
            Scheme = HttpBaseUri.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Query = "deviceId=" + Uri.EscapeDataString(deviceId),
        };
        return builder.Uri;
    }
}
