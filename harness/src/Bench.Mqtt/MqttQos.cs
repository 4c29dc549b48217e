namespace Bench.Mqtt;

/// <summary>The MQTT delivery guarantees Bench uses (MQTT 3.1.1 §4.3). QoS 2 is not implemented.</summary>
public enum MqttQos : byte
{
    /// <summary>Fire and forget: no acknowledgement.</summary>
    AtMostOnce = 0,

    /// <summary>Acknowledged by PUBACK; may be delivered more than once.</summary>
    AtLeastOnce = 1,
}
