using System.Net;

namespace Bench.Mqtt;

/// <summary>Where and how an <see cref="MqttClient"/> connects (MQTT 3.1.1 over plain TCP).</summary>
/// <param name="Host">Broker host name or IP address.</param>
/// <param name="Port">Broker TCP port.</param>
/// <param name="ClientId">Client identifier; must be unique per broker, or the broker drops the older connection (§3.1.4).</param>
public sealed record MqttClientOptions(string Host, int Port, string ClientId)
{
    /// <summary>Keep-alive period in seconds (§3.1.2.10); 0 turns keep-alive off.</summary>
    public ushort KeepAliveSeconds { get; init; } = 30;

    /// <summary>Asks the broker to discard any previous session (§3.1.2.4).</summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>Source address to bind before connecting; load agents spread devices over 127.0.0.x to get more ports.</summary>
    public IPAddress? LocalAddress { get; init; }

    /// <summary>
    /// Largest packet accepted from the broker, in bytes. A larger Remaining Length fails the connection instead of
    /// making the client rent a buffer of up to 256 MiB on the broker's word.
    /// </summary>
    public int MaxIncomingPacketSize { get; init; } = 1024 * 1024;
}
