namespace Bench.Harness.Workloads;

/// <summary>The HTTP sender: keep-alive connections and the time after which a request counts as failed.</summary>
internal sealed record HttpSpec(int Connections, TimeSpan RequestTimeout)
{
    public static readonly HttpSpec Default = new(64, TimeSpan.FromSeconds(5));
}
