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
    public void A_value_carries_its_descriptor_and_an_unknown_name_is_refused()
    {
        var capacity = MetricValue.Of(MetricNames.Capacity, 4200);

        Assert.Equal(new MetricValue(4200, "req/s", true, MetricDescriptors.For(MetricNames.Capacity).Description), capacity);
        Assert.Throws<ArgumentException>(() => MetricValue.Of("latency.p42", 1));
    }
}
