namespace Bench.Mqtt;

/// <summary>CONNACK return codes (MQTT 3.1.1 §3.2.2.3).</summary>
public enum MqttConnectReturnCode : byte
{
    Accepted = 0,
    UnacceptableProtocolVersion = 1,
    IdentifierRejected = 2,
    ServerUnavailable = 3,
    BadUserNameOrPassword = 4,
    NotAuthorized = 5,
}
