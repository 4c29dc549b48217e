namespace Bench.Mqtt;

/// <summary>The broker refused the connection; <see cref="ReturnCode"/> says why (MQTT 3.1.1 §3.2.2.3).</summary>
public sealed class MqttConnectException : Exception
{
    public MqttConnectException()
    {
    }

    public MqttConnectException(string message)
        : base(message)
    {
    }

    public MqttConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MqttConnectException(MqttConnectReturnCode returnCode)
        : base($"The broker refused the connection: {returnCode} ({(byte)returnCode}).") =>
        ReturnCode = returnCode;

    /// <summary>The CONNACK return code the broker sent.</summary>
    public MqttConnectReturnCode ReturnCode { get; }
}
