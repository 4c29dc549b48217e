namespace Bench.Backend.Workers;

/// <summary>What a worker does differently from a single-process backend: it shares its listening port.</summary>
internal static class WorkerHosting
{
    public static WebApplicationBuilder ConfigureWorker(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.UseSockets(sockets => sockets.CreateBoundListenSocket = ReusePortSocket.Bind);
        return builder;
    }
}
