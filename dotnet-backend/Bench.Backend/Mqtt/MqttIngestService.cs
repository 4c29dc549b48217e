using Bench.Backend.Telemetry;
using Bench.Mqtt;

namespace Bench.Backend.Mqtt;

/// <summary>
/// The MQTT side of the backend (contract §6): keeps one subscribed session to the broker, reconnecting with
/// exponential backoff whenever the broker goes away, while the HTTP side keeps serving.
/// </summary>
internal sealed class MqttIngestService(
    BackendOptions options, TelemetryProcessor processor, ILogger<MqttIngestService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first subscription is acknowledged.</summary>
    public Task Subscribed => _subscribed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var broker = options.BrokerUri ?? throw new InvalidOperationException("MQTT ingest needs a broker");
        var clientOptions = new MqttClientOptions(broker.Host, broker.Port, $"bench-dotnet-{Environment.ProcessId}")
        {
            KeepAliveSeconds = 30,
            CleanSession = true,
        };
        var filter = options.Workers > 1 ? TelemetryTopic.SharedFilter : TelemetryTopic.Filter;
        var delay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await new MqttIngestSession(processor).RunAsync(clientOptions, filter, OnSubscribed, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("MQTT broker {Broker} unavailable ({Reason}); retrying in {Delay} ms",
                    broker, e.Message, delay.TotalMilliseconds);
            }
            await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }

        void OnSubscribed()
        {
            delay = FirstRetryDelay;
            _subscribed.TrySetResult();
        }
    }
}
