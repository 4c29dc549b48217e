namespace Bench.Mqtt;

/// <summary>The broker answered a SUBSCRIBE with the failure code 0x80 (MQTT 3.1.1 §3.9.3).</summary>
public sealed class MqttSubscribeException : Exception
{
    public MqttSubscribeException()
    {
    }

    public MqttSubscribeException(string message)
        : base(message)
    {
    }

    public MqttSubscribeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The filter the broker refused.</summary>
    public string? TopicFilter { get; init; }
}
