using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Bench.Load.Recording;

namespace Bench.Load.Clients;

/// <summary>
/// Devices that POST telemetry (or analyze jobs) through one bounded pool of HTTP/1.1 keep-alive connections
/// (<see cref="SocketsHttpHandler.MaxConnectionsPerServer"/>). A send that finds every connection busy still
/// goes, queued inside the pool, and is reported <see cref="SendStart.Late"/>.
/// </summary>
internal sealed class HttpLoadClient : ILoadClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly LoadClientOptions _options;
    private readonly ISendObserver _observer;
    private readonly HttpMessageInvoker _invoker;
    private readonly Uri _uri;
    private readonly byte[][] _deviceIds;
    private readonly long[] _seq;
    private readonly int[] _deviceInFlight;
    private readonly CancellationTokenSource _closing = new();
    private int _inFlight;

    public HttpLoadClient(LoadClientOptions options, ISendObserver observer)
    {
        _options = options;
        _observer = observer;
        _uri = new Uri(options.HttpBaseUri, options.AnalyzeBody is null ? "telemetry" : "jobs/analyze");
        _deviceIds = new byte[options.Devices][];
        _seq = new long[options.Devices];
        _deviceInFlight = new int[options.Devices];
        _invoker = new HttpMessageInvoker(CreateHandler(options, observer));
    }

    public int Devices => _options.Devices;

    public Task<bool> ConnectAsync(int device, CancellationToken cancellationToken) => Task.FromResult(true);

    public SendStart TrySend(int device, long intended)
    {
        if (Interlocked.Increment(ref _deviceInFlight[device]) > _options.InFlightPerDevice)
        {
            Interlocked.Decrement(ref _deviceInFlight[device]);
            return SendStart.Busy;
        }

        bool late = Interlocked.Increment(ref _inFlight) > _options.MaxConnections;
        _ = SendAsync(device, intended);
        return late ? SendStart.Late : SendStart.Started;
    }

    /// <summary>Nothing to do: each request carries its own timeout.</summary>
    public void ExpireInFlight(long sentBefore)
    {
        if (sentBefore == long.MaxValue)
        {
            _closing.Cancel();
        }
    }

    public ValueTask DisposeAsync()
    {
        _closing.Cancel();
        _invoker.Dispose();
        _closing.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task SendAsync(int device, long intended)
    {
        byte[]? rented = null;
        long sentAt = Stopwatch.GetTimestamp();
        ErrorKind? error = null;
        try
        {
            ReadOnlyMemory<byte> body = _options.AnalyzeBody ?? Telemetry(device, out rented);
            using var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = new ReadOnlyMemoryContent(body) };
            request.Content.Headers.ContentType = Json;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
            timeout.CancelAfter(_options.SendTimeout);
            using var response = await _invoker.SendAsync(request, timeout.Token);
            // Drain the body so the connection goes back to the pool for the next request.
            await response.Content.CopyToAsync(Stream.Null, timeout.Token);
            int status = (int)response.StatusCode;
            error = status is >= 200 and < 300 ? null : ErrorClassifier.OfStatus(status);
        }
        catch (Exception e)
        {
            error = ErrorClassifier.OfSend(e);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        // Free the slot before reporting: a closed-model device sends its next request from inside the report.
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Decrement(ref _deviceInFlight[device]);
        if (error is { } kind)
        {
            _observer.Failed(device, intended, kind);
        }
        else
        {
            _observer.Acked(device, intended, sentAt, Stopwatch.GetTimestamp());
        }
    }

    private ReadOnlyMemory<byte> Telemetry(int device, out byte[] rented)
    {
        byte[] id = _deviceIds[device] ??= TelemetryPayload.Utf8(_options.DeviceId(device));
        byte[] vibration = _options.VibrationField;
        rented = ArrayPool<byte>.Shared.Rent(TelemetryPayload.MaxLength + vibration.Length);
        long seq = Interlocked.Increment(ref _seq[device]);
        int length = TelemetryPayload.Write(rented, id, seq, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), vibration);
        return rented.AsMemory(0, length);
    }

    private static SocketsHttpHandler CreateHandler(LoadClientOptions options, ISendObserver observer)
    {
        IPAddress? source = options.SourceAddress;
        return new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.MaxConnections,
            // Longer than any run, shorter than the backends' 30 s keep-alive would matter only between runs.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(25),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = async (context, cancellationToken) =>
            {
                long started = Stopwatch.GetTimestamp();
                Socket socket;
                try
                {
                    socket = await SourceBinding.ConnectAsync(context.DnsEndPoint, source, cancellationToken);
                }
                catch (Exception e)
                {
                    observer.ConnectFailed(ErrorClassifier.OfConnect(e));
                    throw;
                }

                observer.Connected(Stopwatch.GetTimestamp() - started);
                return new ObservedNetworkStream(socket, observer);
            },
        };
    }
}
