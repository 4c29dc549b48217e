using System.Globalization;
using Bench.Backend.Telemetry;
using Bench.Mqtt;

namespace Bench.Backend.Mqtt;

/// <summary>
/// The MQTT side of the backend (contract §6): keeps one subscribed session to each configured broker. Each broker
/// has its own connection loop, reconnecting with its own exponential backoff whenever that broker goes away, while
/// the other brokers and the HTTP side keep serving. A reply always leaves through the connection its message
/// arrived on (<see cref="MqttIngestSession"/>), so a device hears back from the broker it published to.
/// </summary>
internal sealed class MqttIngestService : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly BackendOptions _options;
    private readonly TelemetryProcessor _processor;
    private readonly ILogger<MqttIngestService> _logger;
    private readonly TaskCompletionSource[] _subscribed;

    public MqttIngestService(BackendOptions options, TelemetryProcessor processor, ILogger<MqttIngestService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Brokers.Count == 0)
            throw new ArgumentException("MQTT ingest needs a broker", nameof(options));
        _options = options;
        _processor = processor;
        _logger = logger;
        _subscribed = [.. options.Brokers.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];
        Subscribed = Task.WhenAll(_subscribed.Select(s => s.Task));
    }

    /// <summary>Completes once every broker acknowledged its first subscription.</summary>
    public Task Subscribed { get; }

    /// <summary>
    /// The client id of this process's connection to broker <paramref name="brokerIndex"/>: unique per worker (its
    /// PID) and per broker. With a single broker it is the id the backend has always used.
    /// </summary>
    public static string ClientId(int processId, int brokerIndex, int brokerCount) =>
        brokerCount == 1
            ? string.Create(CultureInfo.InvariantCulture, $"bench-dotnet-{processId}")
            : string.Create(CultureInfo.InvariantCulture, $"bench-dotnet-{processId}-{brokerIndex}");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var filter = _options.Workers > 1 ? TelemetryTopic.SharedFilter : TelemetryTopic.Filter;
        var brokers = _options.Brokers;
        var connections = new Task[brokers.Count];
        for (var i = 0; i < brokers.Count; i++)
        {
            var clientOptions = new MqttClientOptions(brokers[i].Host, brokers[i].Port, ClientId(Environment.ProcessId, i, brokers.Count))
            {
                KeepAliveSeconds = 30,
                CleanSession = true,
            };
            connections[i] = ServeBrokerAsync(brokers[i], clientOptions, filter, _subscribed[i], stoppingToken);
        }
        return Task.WhenAll(connections);
    }

    /// <summary>One broker's connection loop: serve a session, and after it ends wait (doubling up to 5 s) and reconnect.</summary>
    private async Task ServeBrokerAsync(
        Uri broker, MqttClientOptions clientOptions, string filter, TaskCompletionSource subscribed, CancellationToken stoppingToken)
    {
        var delay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await new MqttIngestSession(_processor).RunAsync(clientOptions, filter, OnSubscribed, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning("MQTT broker {Broker} unavailable ({Reason}); retrying in {Delay} ms",
                    broker, e.Message, delay.TotalMilliseconds);
            }
            await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }

        void OnSubscribed()
        {
            delay = FirstRetryDelay;
            subscribed.TrySetResult();
        }
    }
}
