namespace Bench.Load.Clients.WebSockets;

/// <summary>Where a <see cref="WebSocketConnection"/> delivers what it receives; called on its receive loop, so it
/// must not block.</summary>
internal interface IWebSocketHandler
{
    /// <summary>A whole text or binary message; the span is valid only during the call.</summary>
    void OnMessage(ReadOnlySpan<byte> payload);

    /// <summary>The connection has ended, for whatever reason; called once.</summary>
    void OnClosed();
}
