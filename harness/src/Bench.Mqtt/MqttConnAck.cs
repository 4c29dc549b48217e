namespace Bench.Mqtt;

/// <summary>A decoded CONNACK (MQTT 3.1.1 §3.2).</summary>
public readonly record struct MqttConnAck(bool SessionPresent, MqttConnectReturnCode ReturnCode);
