using System.Net;
using Bench.Load.Engine;
using Bench.Mqtt;

namespace Bench.Load.Clients;

/// <summary>Everything an adapter needs, resolved from a load spec by the engine.</summary>
/// <remarks>
/// Devices: how many devices (or closed-model connections) the client holds; DeviceId: the id of device i, unique
/// across agents; MqttPort: the broker port device i connects to (several brokers share a large fleet); AnalyzeBody: the pre-built analyze request, or null to send telemetry; MaxConnections: the HTTP pool
/// bound; InFlightPerDevice: WebSocket and MQTT sends a device may have waiting for their acks; VibrationField: appended
/// to every reading (<see cref="TelemetryPayload.VibrationField"/>, empty for none); MqttReply: what answers an MQTT send.
/// </remarks>
internal sealed record LoadClientOptions(
    int Devices,
    Func<int, string> DeviceId,
    Uri HttpBaseUri,
    string MqttHost,
    Func<int, int> MqttPort,
    MqttQos MqttQos,
    IPAddress? SourceAddress,
    byte[]? AnalyzeBody,
    int MaxConnections,
    int InFlightPerDevice,
    TimeSpan SendTimeout)
{
    public byte[] VibrationField { get; init; } = [];

    public MqttReply MqttReply { get; init; } = MqttReply.Ack;
}
