using System.Text.Json.Serialization;

namespace Bench.Load.Engine;

/// <summary>What an MQTT device's send is answered by, and so what its latency measures.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MqttReply>))]
public enum MqttReply
{
    /// <summary><c>{"seq":n}</c> on <c>devices/{id}/ack</c> (contract §6): device → broker → backend → broker → device.</summary>
    Ack,

    /// <summary>
    /// The analysis result on <c>devices/{id}/analysis</c> (the hybrid pipeline: edge → broker → analytics worker →
    /// broker → device), matched by its <c>seq</c>; readings must carry vibration samples or no analysis comes back.
    /// </summary>
    Analysis,
}
