namespace Bench.Load.Engine;

/// <summary>Where the backend listens: its HTTP base address (WebSocket is derived from it) and its MQTT broker.</summary>
public sealed record LoadTarget(Uri HttpBaseUri, string? MqttHost = null, int MqttPort = 0)
{
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
