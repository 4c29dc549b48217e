using System.Reflection;
using Bench.Harness.Results;

namespace Bench.UnitTests.Results;

public class MetricDescriptorsTests
{
    [Fact]
    public void Every_metric_name_has_a_descriptor_and_every_descriptor_a_name()
    {
        var names = typeof(MetricNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(names.Order(), MetricDescriptors.Names.Order());
        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(MetricDescriptors.For(n).Unit)));
    }

    [Fact]
    public void Per_size_job_metrics_have_descriptors_that_name_the_size()
    {
        var throughput = MetricDescriptors.For(MetricNames.JobsThroughputFor(4096));
        var p99 = MetricDescriptors.For(MetricNames.JobsP99For(16384));

        Assert.Equal("jobs.throughput.n4096", MetricNames.JobsThroughputFor(4096));
        Assert.True(throughput.HigherIsBetter);
        Assert.Contains("4096", throughput.Description, StringComparison.Ordinal);
        Assert.False(p99.HigherIsBetter);
        Assert.Equal("ms", p99.Unit);
    }

    [Fact]
    public void A_value_carries_its_descriptor_and_an_unknown_name_is_refused()
    {
        var capacity = MetricValue.Of(MetricNames.Capacity, 4200);

        Assert.Equal(new MetricValue(4200, "req/s", true, MetricDescriptors.For(MetricNames.Capacity).Description), capacity);
        Assert.Throws<ArgumentException>(() => MetricValue.Of("latency.p42", 1));
    }
}
