using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Bench.Mqtt;

/// <summary>
/// A lean MQTT 3.1.1 client over TCP, built to be held 20,000 times in one process. Per connection it keeps one
/// socket and one receive loop; the loop waits with a zero-byte read, so an idle connection holds no receive buffer
/// (buffers come from <see cref="ArrayPool{T}.Shared"/> only while bytes are being framed). Keep-alive is driven by
/// one process-wide timer (see <c>MqttKeepAliveScheduler</c>), not a timer per client: a PINGREQ is sent when
/// nothing was sent for <see cref="MqttClientOptions.KeepAliveSeconds"/>, and the connection is closed as dead
/// when its PINGRESP does not arrive within another keep-alive period.
/// </summary>
/// <remarks>
/// Publishing and subscribing are safe from any thread. Messages are handed to the <see cref="MqttMessageHandler"/>
/// on the receive loop; an exception thrown by the handler closes the connection with that exception.
/// </remarks>
public sealed partial class MqttClient : IAsyncDisposable
{
    private static readonly TimeSpan DisconnectGrace = TimeSpan.FromSeconds(2);

    private readonly Socket _socket;
    private readonly MqttClientOptions _options;
    private readonly MqttMessageHandler? _onMessage;
    private readonly MqttInFlight _inFlight = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<MqttConnAck>? _connAck =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiveLoop = Task.CompletedTask;
    private int _state = (int)MqttConnectionState.Connecting;

    private MqttClient(Socket socket, MqttClientOptions options, MqttMessageHandler? onMessage)
    {
        _socket = socket;
        _options = options;
        _onMessage = onMessage;
        _keepAliveMilliseconds = options.KeepAliveSeconds * 1000L;
    }

    /// <summary>Completes when the connection ends: successfully after <see cref="DisconnectAsync"/>, faulted with
    /// the reason otherwise (broker closed the socket, I/O error, protocol violation, missing PINGRESP).</summary>
    public Task Completion => _completion.Task;

    /// <summary>Where the connection is in its life.</summary>
    public MqttConnectionState State => (MqttConnectionState)Volatile.Read(ref _state);

    /// <summary>The options this client connected with.</summary>
    public MqttClientOptions Options => _options;

    /// <summary>
    /// Opens a TCP connection, sends CONNECT and waits for CONNACK. Throws <see cref="MqttConnectException"/> with
    /// the return code when the broker refuses, and <see cref="OperationCanceledException"/> when cancelled first.
    /// </summary>
    public static async Task<MqttClient> ConnectAsync(
        MqttClientOptions options, MqttMessageHandler? onMessage, CancellationToken cancellationToken)
    {
        ValidateOptions(options);
        var endPoint = await ResolveAsync(options.Host, options.Port, cancellationToken);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (options.LocalAddress is { } local)
                socket.Bind(new IPEndPoint(local, 0));
            await socket.ConnectAsync(endPoint, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var client = new MqttClient(socket, options, onMessage);
        await client.HandshakeAsync(cancellationToken);
        return client;
    }

    /// <summary>
    /// Sends DISCONNECT, waits briefly for the broker to close its side, and closes the socket.
    /// <see cref="Completion"/> then completes successfully. Does nothing when the connection is already closed.
    /// </summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        var connected = (int)MqttConnectionState.Connected;
        if (Interlocked.CompareExchange(ref _state, (int)MqttConnectionState.Disconnecting, connected) != connected)
            return;
        try
        {
            await SendAsync(DisconnectPacket, cancellationToken);
            // Half-close and let the broker close first: closing with unread bytes would send RST instead of FIN.
            _socket.Shutdown(SocketShutdown.Send);
            await Task.WhenAny(_receiveLoop, Task.Delay(DisconnectGrace, cancellationToken));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection is being closed either way.
        }
        finally
        {
            Close(null);
        }
        await _receiveLoop;
    }

    /// <summary>Disconnects gracefully when still connected, otherwise just releases the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync(CancellationToken.None);
        Close(null);
        await _receiveLoop;
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        _receiveLoop = ReceiveLoopAsync();
        try
        {
            var buffer = ArrayPool<byte>.Shared.Rent(MqttPacketWriter.GetConnectLength(_options));
            try
            {
                var length = MqttPacketWriter.WriteConnect(buffer, _options);
                await SendAsync(buffer.AsMemory(0, length), cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            var connAck = await _connAck!.Task.WaitAsync(cancellationToken);
            if (connAck.ReturnCode != MqttConnectReturnCode.Accepted)
                throw new MqttConnectException(connAck.ReturnCode);
        }
        catch
        {
            // The caller gets the exception; Completion ends cleanly so nothing is left unobserved.
            Close(null);
            await _receiveLoop;
            throw;
        }
        _connAck = null;
        var connecting = (int)MqttConnectionState.Connecting;
        if (Interlocked.CompareExchange(ref _state, (int)MqttConnectionState.Connected, connecting) != connecting)
            throw new IOException("The connection closed right after CONNACK.", _completion.Task.Exception?.InnerException);
        StartKeepAlive();
    }

    /// <summary>Ends the connection once; a null <paramref name="reason"/> (or a prior DISCONNECT) is a clean end.</summary>
    private void Close(Exception? reason)
    {
        var previous = (MqttConnectionState)Interlocked.Exchange(ref _state, (int)MqttConnectionState.Closed);
        if (previous == MqttConnectionState.Closed)
            return;
        StopKeepAlive();
        _socket.Dispose();
        var clean = reason is null || previous == MqttConnectionState.Disconnecting;
        var failure = clean ? new InvalidOperationException("The MQTT connection was closed.") : reason!;
        _inFlight.Close(failure);
        _connAck?.TrySetException(failure);
        if (clean)
            _completion.TrySetResult();
        else
            _completion.TrySetException(failure);
    }

    private void ThrowIfNotConnected()
    {
        if (State != MqttConnectionState.Connected)
            throw new InvalidOperationException($"The MQTT client is {State}, not Connected.", _completion.Task.Exception?.InnerException);
    }

    private static void ValidateOptions(MqttClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Host, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Port, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options));
        ArgumentNullException.ThrowIfNull(options.ClientId, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIncomingPacketSize, 16, nameof(options));
        _ = MqttPacketWriter.GetUtf8Length(options.ClientId);
    }

    private static async Task<IPEndPoint> ResolveAsync(string host, int port, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var address))
            return new IPEndPoint(address, port);
        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
        return addresses.Length > 0
            ? new IPEndPoint(addresses[0], port)
            : throw new SocketException((int)SocketError.HostNotFound);
    }
}
