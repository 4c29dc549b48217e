namespace Bench.Mqtt;

/// <summary>Where an <see cref="MqttClient"/> is in its life; it only ever moves forward.</summary>
public enum MqttConnectionState
{
    /// <summary>TCP is up; CONNECT sent, CONNACK not yet received.</summary>
    Connecting,

    /// <summary>CONNACK accepted; publishing and subscribing are allowed.</summary>
    Connected,

    /// <summary><see cref="MqttClient.DisconnectAsync"/> is sending DISCONNECT.</summary>
    Disconnecting,

    /// <summary>The socket is closed; <see cref="MqttClient.Completion"/> has completed.</summary>
    Closed,
}
