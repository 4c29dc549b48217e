using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace Bench.Load.Clients.WebSockets;

/// <summary>
/// A lean RFC 6455 client connection, built to be held 20,000 times in one process (where
/// <see cref="ClientWebSocket"/> and the HTTP connection behind it cost several times more). Per connection it keeps
/// one socket, a send lock and one receive loop; the loop waits with a zero-byte read, so an idle connection holds no
/// receive buffer (buffers come from <see cref="ArrayPool{T}.Shared"/> only while frames are read). Pings are
/// answered; no keep-alive traffic of its own is sent.
/// </summary>
internal sealed partial class WebSocketConnection
{
    private readonly Socket _socket;
    private IWebSocketHandler? _handler;
    private Task _receiveLoop = Task.CompletedTask;
    private int _state = (int)WebSocketState.Open;

    // Bytes that arrived right behind the 101 response head; the receive loop starts from them.
    private byte[]? _early;
    private int _earlyCount;

    private WebSocketConnection(Socket socket) => _socket = socket;

    /// <summary>Open, CloseSent, CloseReceived or Closed.</summary>
    public WebSocketState State => (WebSocketState)Volatile.Read(ref _state);

    /// <summary>
    /// Connects to <paramref name="server"/> from <paramref name="source"/> (see <see cref="SourceBinding"/>) and
    /// upgrades to a WebSocket at <paramref name="uri"/>'s path and query. Throws <see cref="WebSocketException"/>
    /// when the server refuses or answers the upgrade wrongly, <see cref="SocketException"/> when it cannot be reached.
    /// </summary>
    public static async Task<WebSocketConnection> ConnectAsync(EndPoint server, Uri uri, IPAddress? source, CancellationToken cancellationToken)
    {
        var socket = await SourceBinding.ConnectAsync(server, source, cancellationToken);
        try
        {
            var connection = new WebSocketConnection(socket);
            await connection.HandshakeAsync(uri, cancellationToken);
            return connection;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Starts the receive loop, which hands messages and the end of the connection to
    /// <paramref name="handler"/>.</summary>
    public void Start(IWebSocketHandler handler)
    {
        if (_handler is not null)
        {
            throw new InvalidOperationException("The connection is already receiving.");
        }

        _handler = handler;
        _receiveLoop = ReceiveLoopAsync();
    }

    /// <summary>
    /// Sends a close frame (1000) and waits until the server answers it or closes the connection (§7.1.2), then
    /// releases the socket; cancelling cuts the wait short. Never throws for a connection that is already gone.
    /// </summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        int open = (int)WebSocketState.Open;
        if (Interlocked.CompareExchange(ref _state, (int)WebSocketState.CloseSent, open) == open)
        {
            try
            {
                await SendControlAsync(WebSocketOpcode.Close, NormalClosure, cancellationToken);
                await _receiveLoop.WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The connection goes either way.
            }
        }

        Abort();
        await _receiveLoop;
    }

    private async Task HandshakeAsync(Uri uri, CancellationToken cancellationToken)
    {
        string key = WebSocketHandshake.CreateKey();
        await SendAllAsync(WebSocketHandshake.CreateRequest(uri, key), cancellationToken);
        byte[]? buffer = ArrayPool<byte>.Shared.Rent(WebSocketHandshake.MaxResponseLength);
        try
        {
            int count = 0;
            int head;
            while ((head = WebSocketHandshake.FindEndOfHead(buffer.AsSpan(0, count))) < 0)
            {
                if (count == buffer.Length)
                {
                    throw new WebSocketException(WebSocketError.HeaderError, $"The upgrade response head exceeds {buffer.Length} bytes.");
                }

                int read = await _socket.ReceiveAsync(buffer.AsMemory(count), SocketFlags.None, cancellationToken);
                count += read > 0 ? read : throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The server closed the connection during the upgrade.");
            }

            WebSocketHandshake.ValidateResponse(buffer.AsSpan(0, head), key);
            if (count > head)
            {
                buffer.AsSpan(head, count - head).CopyTo(buffer);
                (_early, _earlyCount, buffer) = (buffer, count - head, null);
            }
        }
        finally
        {
            ReturnBuffer(ref buffer);
        }
    }

    /// <summary>Ends the connection once: the socket is released and any pending read or send fails.</summary>
    private void Abort()
    {
        if ((WebSocketState)Interlocked.Exchange(ref _state, (int)WebSocketState.Closed) != WebSocketState.Closed)
        {
            _socket.Dispose();
        }
    }

    private static void ReturnBuffer(ref byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }
}
