using System.Globalization;
using System.Net;
using System.Text.Json.Serialization;
using Bench.Mqtt;

namespace Bench.Load.Engine;

/// <summary>
/// What one load run does; immutable and JSON-serialisable (see <see cref="LoadJson"/>) so a controller can hand it
/// to load-agent processes. The load model is the derived type: <see cref="OpenLoadSpec"/> (arrival rate),
/// <see cref="ClosedLoadSpec"/> (fixed connections) or <see cref="FleetLoadSpec"/> (devices on their own intervals).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "model")]
[JsonDerivedType(typeof(OpenLoadSpec), "open")]
[JsonDerivedType(typeof(ClosedLoadSpec), "closed")]
[JsonDerivedType(typeof(FleetLoadSpec), "fleet")]
public abstract partial record LoadSpec
{
    public required LoadProtocol Protocol { get; init; }

    public required LoadTarget Target { get; init; }

    public LoadOperation Operation { get; init; } = LoadOperation.Telemetry;

    /// <summary>Samples in each analyze request (a power of two, 16 .. 65,536).</summary>
    public int AnalyzeSamples { get; init; } = 1024;

    /// <summary>Load applied before measuring; nothing from it is in the result. Whole seconds.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The measured window. Whole seconds.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Device ids are <c>{prefix}{offset + i:D6}</c>; agents get disjoint offsets so their devices never collide.</summary>
    public string DeviceIdPrefix { get; init; } = "dev-";

    public int DeviceIdOffset { get; init; }

    /// <summary>Source address every socket binds to (127.0.0.x lanes for more than ~28k connections); null lets the OS choose.</summary>
    [JsonConverter(typeof(IPAddressJsonConverter))]
    public IPAddress? SourceAddress { get; init; }

    /// <summary>A send not answered within this is a timeout; also bounds connecting and the drain after the run.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Persistent connections (WebSocket, MQTT) opened per second, so thousands of devices do not connect at once.</summary>
    public double ConnectRate { get; init; } = 1000;

    /// <summary>QoS of MQTT telemetry publishes.</summary>
    public MqttQos MqttQos { get; init; } = MqttQos.AtMostOnce;

    /// <summary>Numbers in each reading's <c>vibration</c> array (contract §2: at most 1024); 0 sends none.</summary>
    public int VibrationSamples { get; init; }

    /// <summary>The MQTT reply a send waits for: the backend's ack, or the analysis result of a pipeline backend.</summary>
    public MqttReply MqttReply { get; init; } = MqttReply.Ack;

    /// <summary>How many devices (or closed-model connections) the run holds.</summary>
    [JsonIgnore]
    public abstract int DeviceCount { get; }

    public string DeviceId(int index) =>
        DeviceIdPrefix + (DeviceIdOffset + (long)index).ToString("D6", CultureInfo.InvariantCulture);
}
