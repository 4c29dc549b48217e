namespace Bench.Backend.Mqtt;

/// <summary>Wires the MQTT subscriber (contract §6) into the host when at least one broker is configured.</summary>
internal static class MqttIngest
{
    /// <summary>Registers the MQTT subscriber when <see cref="BackendOptions.Brokers"/> lists any (no-op otherwise).</summary>
    public static IServiceCollection AddMqttIngest(this IServiceCollection services, BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Brokers.Count == 0)
            return services;
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<MqttIngestService>(provider, options));
        services.AddHostedService(provider => provider.GetRequiredService<MqttIngestService>());
        return services;
    }

    /// <summary>Completes when every broker acknowledged its subscription; immediately when no broker is configured.</summary>
    public static Task WaitUntilSubscribedAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetService<MqttIngestService>() is { } ingest
            ? ingest.Subscribed.WaitAsync(cancellationToken)
            : Task.CompletedTask;
}
