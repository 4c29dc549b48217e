using System.Diagnostics;
using System.Net;
using Bench.Load.Clients.WebSockets;

namespace Bench.Load.Clients;

/// <summary>
/// Devices that each hold one <see cref="WebSocketConnection"/> on <c>/ws?deviceId=</c> (contract §5), send readings
/// as text frames and match the <c>{"type":"ack","seq":n}</c> replies by sequence number. Every connection is opened
/// from the spec's source address (see <see cref="SourceBinding"/>). Plain ws:// only: the backends serve no TLS.
/// </summary>
internal sealed class WebSocketLoadClient : ILoadClient
{
    private readonly LoadClientOptions _options;
    private readonly ISendObserver _observer;
    private readonly WebSocketDevice?[] _devices;
    private readonly Uri _baseUri;
    private readonly EndPoint _server;

    public WebSocketLoadClient(LoadClientOptions options, ISendObserver observer)
    {
        if (options.HttpBaseUri.Scheme != Uri.UriSchemeHttp)
        {
            throw new NotSupportedException($"The WebSocket load client speaks plain ws:// only, not {options.HttpBaseUri.Scheme}.");
        }

        _options = options;
        _observer = observer;
        _devices = new WebSocketDevice?[options.Devices];
        _baseUri = new UriBuilder(new Uri(options.HttpBaseUri, "ws")) { Scheme = "ws" }.Uri;
        string host = _baseUri.DnsSafeHost;
        _server = IPAddress.TryParse(host, out var address) ? new IPEndPoint(address, _baseUri.Port) : new DnsEndPoint(host, _baseUri.Port);
    }

    public int Devices => _options.Devices;

    public async Task<bool> ConnectAsync(int device, CancellationToken cancellationToken)
    {
        string id = _options.DeviceId(device);
        long started = Stopwatch.GetTimestamp();
        WebSocketConnection connection;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.SendTimeout);
            var uri = new Uri(_baseUri, "?deviceId=" + Uri.EscapeDataString(id));
            connection = await WebSocketConnection.ConnectAsync(_server, uri, _options.SourceAddress, timeout.Token);
        }
        catch (Exception e)
        {
            _observer.ConnectFailed(ErrorClassifier.OfConnect(e));
            return false;
        }

        _observer.Connected(Stopwatch.GetTimestamp() - started);
        var state = new WebSocketDevice(device, TelemetryPayload.Utf8(id), connection, _options.InFlightPerDevice, _observer, _options.VibrationField);
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
    }
}
