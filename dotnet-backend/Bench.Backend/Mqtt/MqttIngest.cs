namespace Bench.Backend.Mqtt;

/// <summary>
/// Placeholder for the MQTT subscriber (contract §6): without a broker there is nothing to do; with one,
/// start-up fails loudly rather than pretending to subscribe.
/// </summary>
internal static class MqttIngest
{
    public static IServiceCollection AddMqttIngest(this IServiceCollection services, BackendOptions options) =>
        options.BrokerUri is null
            ? services
            : throw new NotSupportedException("MQTT ingest is not wired yet");

    public static Task WaitUntilSubscribedAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
