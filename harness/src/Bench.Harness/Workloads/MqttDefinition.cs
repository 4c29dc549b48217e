namespace Bench.Harness.Workloads;

/// <summary>The <c>mqtt</c> section: the devices' MQTT session settings.</summary>
internal sealed class MqttDefinition
{
    public int? Qos { get; set; }

    public string? KeepAlive { get; set; }
}
