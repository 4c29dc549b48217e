namespace Bench.Harness.Reporting.Report.Kernel;

/// <summary>One kernel's time per call at one N, as bench/Bench.Micro writes it.</summary>
/// <param name="MeanNs">Mean time per call, nanoseconds.</param>
/// <param name="StdDevNs">Standard deviation of the per-iteration means, nanoseconds.</param>
/// <param name="AllocatedBytes">.NET bytes allocated per call; null where not measured (Node.js).</param>
/// <param name="Source">Who measured it: "BenchmarkDotNet", or the Node.js script and version.</param>
internal sealed record KernelMeasurement(double MeanNs, double StdDevNs, long? AllocatedBytes, string? Source)
{
    /// <summary>The upper end of mean ± sd.</summary>
    public double High => MeanNs + StdDevNs;

    /// <summary>The lower end of mean ± sd.</summary>
    public double Low => MeanNs - StdDevNs;

    /// <summary>"91.7 ± 7.7 µs": the unit the kernel table uses throughout.</summary>
    public string Describe() => ReportText.Format($"{MeanNs / 1000:N1} ± {StdDevNs / 1000:N1} µs");
}
