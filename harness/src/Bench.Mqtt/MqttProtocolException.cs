namespace Bench.Mqtt;

/// <summary>Bytes from the peer that are not a well-formed MQTT 3.1.1 packet, or a packet not allowed at that point.</summary>
public sealed class MqttProtocolException : Exception
{
    public MqttProtocolException()
    {
    }

    public MqttProtocolException(string message)
        : base(message)
    {
    }

    public MqttProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
