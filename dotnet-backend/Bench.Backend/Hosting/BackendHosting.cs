using System.Net;
using Bench.Backend.Json;
using Bench.Backend.Stats;
using Bench.Backend.Telemetry;

namespace Bench.Backend.Hosting;

/// <summary>The production settings of the backend: Kestrel limits, quiet logging, graceful stop, services.</summary>
internal static class BackendHosting
{
    /// <summary>Contract §1: idle keep-alive connections are kept for 30 s by every backend.</summary>
    public static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Contract §1 allows 5 s from SIGTERM to exit; leave a margin for process teardown.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(4);

    public static WebApplicationBuilder ConfigureBackend(this WebApplicationBuilder builder, BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.KeepAliveTimeout = KeepAliveTimeout;
            // Routes enforce their own limits as they read (never buffering more than limit + 1 bytes) and answer
            // 413 with a JSON body. A Kestrel-wide limit would instead cut the connection while Kestrel drains
            // the unread rest of a refused body, and the client would see a broken pipe rather than the 413.
            // Kestrel bounds that drain in time (a few seconds), not in size.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(ResolveAddress(options.Host), options.Port);
        });
        // Start-up problems and fatal errors only: nothing is logged per request (contract §1).
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, BackendJsonContext.Default));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<BackendCounters>();
        builder.Services.AddSingleton<DeviceRegistry>();
        builder.Services.AddSingleton<TelemetryProcessor>();
        return builder;
    }

    public static IPAddress ResolveAddress(string host)
    {
        if (IPAddress.TryParse(host, out var address))
            return address;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return IPAddress.Loopback;
        return Dns.GetHostAddresses(host) is [var first, ..]
            ? first
            : throw new FormatException($"--host '{host}' does not resolve to an address");
    }
}
