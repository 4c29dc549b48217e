namespace Bench.Harness.Workloads;

/// <summary>The <c>http</c> section: the HTTP sender's connection pool.</summary>
internal sealed class HttpDefinition
{
    public int? Connections { get; set; }

    public string? RequestTimeout { get; set; }
}
