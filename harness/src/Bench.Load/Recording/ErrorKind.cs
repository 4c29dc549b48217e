namespace Bench.Load.Recording;

/// <summary>Why a send failed; protocol clients map their own failures onto these.</summary>
public enum ErrorKind
{
    /// <summary>The connection could not be opened (refused, handshake or CONNACK failure).</summary>
    Connect,

    /// <summary>No answer within the send timeout.</summary>
    Timeout,

    /// <summary>The backend rejected the message as invalid (HTTP 4xx, WebSocket or MQTT error reply).</summary>
    Rejected,

    /// <summary>The backend failed (HTTP 5xx).</summary>
    ServerError,

    /// <summary>The connection closed or reset under a send in flight.</summary>
    ConnectionLost,

    /// <summary>An answer that does not follow the contract or protocol.</summary>
    Protocol,

    /// <summary>Anything else.</summary>
    Other,

    /// <summary>
    /// Never sent: the fleet device still waited for the answers to its earlier sends (its in-flight bound), so the
    /// backend is not keeping up with the fleet's rate. The backend's failure, not the generator's lag.
    /// </summary>
    Backpressure,
}
