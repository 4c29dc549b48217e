using System.Diagnostics;
using System.Net.WebSockets;

namespace Bench.Load.Clients;

/// <summary>
/// Devices that each hold one <see cref="ClientWebSocket"/> on <c>/ws?deviceId=</c> (contract §5), send readings as
/// text frames and match the <c>{"type":"ack","seq":n}</c> replies by sequence number. Every handshake goes through
/// one shared <see cref="SocketsHttpHandler"/>, whose ConnectCallback binds the source address.
/// </summary>
internal sealed class WebSocketLoadClient : ILoadClient
{
    private readonly LoadClientOptions _options;
    private readonly ISendObserver _observer;
    private readonly HttpMessageInvoker _invoker;
    private readonly WebSocketDevice?[] _devices;
    private readonly Uri _baseUri;

    public WebSocketLoadClient(LoadClientOptions options, ISendObserver observer)
    {
        _options = options;
        _observer = observer;
        _devices = new WebSocketDevice?[options.Devices];
        var builder = new UriBuilder(new Uri(options.HttpBaseUri, "ws"))
        {
            Scheme = options.HttpBaseUri.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
        };
        _baseUri = builder.Uri;
        var source = options.SourceAddress;
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            ConnectCallback = async (context, cancellationToken) =>
                new System.Net.Sockets.NetworkStream(
                    await SourceBinding.ConnectAsync(context.DnsEndPoint, source, cancellationToken), ownsSocket: true),
        });
    }

    public int Devices => _options.Devices;

    public async Task<bool> ConnectAsync(int device, CancellationToken cancellationToken)
    {
        string id = _options.DeviceId(device);
        var socket = new ClientWebSocket();
        // The backends answer pings; the run is short and the devices send often, so no keep-alive traffic of our own.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        long started = Stopwatch.GetTimestamp();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.SendTimeout);
            await socket.ConnectAsync(new Uri(_baseUri, "?deviceId=" + Uri.EscapeDataString(id)), _invoker, timeout.Token);
        }
        catch (Exception e)
        {
            socket.Dispose();
            _observer.ConnectFailed(ErrorClassifier.OfConnect(e));
            return false;
        }

        _observer.Connected(Stopwatch.GetTimestamp() - started);
        var state = new WebSocketDevice(device, TelemetryPayload.Utf8(id), socket, _options.InFlightPerDevice, _observer);
        _devices[device] = state;
        state.StartReceiving();
        return true;
    }

    public SendStart TrySend(int device, long intended) =>
        _devices[device] is { } state ? state.TrySend(intended) : SendStart.Disconnected;

    public void ExpireInFlight(long sentBefore)
    {
        foreach (var device in _devices)
        {
            device?.Expire(sentBefore);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Close handshakes are bounded: a backend that does not answer its close frame in time is cut off.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Parallel.ForEachAsync(
            _devices.Where(d => d is not null),
            new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = CancellationToken.None },
            async (device, _) => await device!.CloseAsync(deadline.Token));
        _invoker.Dispose();
    }
}
