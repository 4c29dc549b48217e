using System.Text.Json.Serialization;

namespace Bench.Load.Engine;

/// <summary>How devices talk to the backend.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LoadProtocol>))]
public enum LoadProtocol
{
    /// <summary>HTTP/1.1 POSTs through a bounded keep-alive pool.</summary>
    Http,

    /// <summary>One WebSocket per device on <c>/ws?deviceId=</c>.</summary>
    WebSocket,

    /// <summary>One MQTT connection per device, through the broker.</summary>
    Mqtt,
}
