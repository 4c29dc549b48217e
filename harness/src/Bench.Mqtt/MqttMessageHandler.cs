namespace Bench.Mqtt;

/// <summary>
/// Receives an application message. It runs on the client's receive loop: it must not block, and
/// <paramref name="payload"/> is only valid until it returns (copy it to keep it).
/// </summary>
/// <param name="topic">The topic the message was published to.</param>
/// <param name="payload">The message body, borrowed from the receive buffer.</param>
public delegate void MqttMessageHandler(string topic, ReadOnlySpan<byte> payload);
