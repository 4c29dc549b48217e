namespace Bench.Harness.Workloads;

/// <summary>MQTT sessions: the QoS of telemetry publishes and the announced keep-alive.</summary>
internal sealed record MqttSpec(int Qos, TimeSpan KeepAlive)
{
    public static readonly MqttSpec Default = new(1, TimeSpan.FromSeconds(60));
}
