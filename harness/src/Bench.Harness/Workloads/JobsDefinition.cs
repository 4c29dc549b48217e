namespace Bench.Harness.Workloads;

/// <summary>The <c>jobs</c> section: analyze requests (contract §4) and their arrival rate.</summary>
internal sealed class JobsDefinition
{
    public double? Rate { get; set; }

    public List<int>? Sizes { get; set; }

    public double? SampleRateHz { get; set; }

    public int? Window { get; set; }

    public double? Threshold { get; set; }

    public string? RequestTimeout { get; set; }
}
