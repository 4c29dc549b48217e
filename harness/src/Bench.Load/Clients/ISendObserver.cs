using Bench.Load.Recording;

namespace Bench.Load.Clients;

/// <summary>
/// Where a load client reports what happened to connections and sends; the engine implements it. Every
/// timestamp is a <see cref="System.Diagnostics.Stopwatch"/> timestamp. Each started send gets exactly one
/// <see cref="Acked"/> or <see cref="Failed"/>.
/// </summary>
public interface ISendObserver
{
    /// <summary>A connection opened after <paramref name="connectTicks"/> Stopwatch ticks (TCP, handshake, CONNACK).</summary>
    void Connected(long connectTicks);

    /// <summary>A connection could not be opened.</summary>
    void ConnectFailed(ErrorKind kind);

    /// <summary>A connection that was open has closed, for whatever reason.</summary>
    void Disconnected();

    /// <summary>Device <paramref name="device"/>'s send, due at <paramref name="intended"/> and started at
    /// <paramref name="sentAt"/>, was answered at <paramref name="answeredAt"/>.</summary>
    void Acked(int device, long intended, long sentAt, long answeredAt);

    /// <summary>Device <paramref name="device"/>'s send due at <paramref name="intended"/> failed.</summary>
    void Failed(int device, long intended, ErrorKind kind);
}
