namespace Bench.Harness.Results;

/// <summary>One metric of one cell, with its descriptor written beside it so a results file reads on its own.</summary>
internal sealed record MetricValue(double Value, string Unit, bool HigherIsBetter, string Description)
{
    /// <summary>A value of a known metric (see <see cref="MetricNames"/>); it must be finite, JSON has no NaN.</summary>
    public static MetricValue Of(string name, double value)
    {
        var descriptor = MetricDescriptors.For(name);
        return new MetricValue(value, descriptor.Unit, descriptor.HigherIsBetter, descriptor.Description);
    }
}
