using System.Text;
using Bench.Backend.Analyze;
using Bench.Backend.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bench.Backend.Tests;

public class AnalyzeKernelSelectionTests
{
    [Fact]
    public void Without_BENCH_ANALYZER_the_MathNet_kernel_runs_the_jobs()
    {
        Assert.Equal(MathNetAnalyzeKernel.KernelName, Select(null).Name);
    }

    [Fact]
    public void An_unknown_kernel_name_is_refused_naming_the_choices()
    {
        var services = new ServiceCollection();

        Assert.False(services.TryAddAnalyzeKernel(Environment("fortran"), out var problem));
        Assert.Equal("BENCH_ANALYZER must be 'mathnet' or 'numpy', got 'fortran'", problem);
        Assert.Empty(services);
    }

    [NumPyFact]
    public void The_numpy_kernel_gives_the_results_of_the_MathNet_kernel_on_every_shared_vector()
    {
        var numpy = Select("numpy");
        var mathNet = Select("mathnet");
        Assert.Equal(NumPyAnalyzeKernel.KernelName, numpy.Name);

        foreach (var vector in ContractVectors.Analyze.GetProperty("vectors").EnumerateArray())
        {
            var body = Encoding.UTF8.GetBytes(vector.GetProperty("request").GetRawText());
            Assert.True(AnalyzeRequestParser.TryParse(body, out var request, out _));
            using (request)
            {
                var expected = mathNet.Run(request);
                var actual = numpy.Run(request);

                Assert.Equal(expected.N, actual.N);
                Assert.Equal(expected.Anomalies, actual.Anomalies);
                foreach (var (want, got) in new[] { (expected.Mean, actual.Mean), (expected.Std, actual.Std), (expected.Min, actual.Min), (expected.Max, actual.Max), (expected.DominantHz, actual.DominantHz) })
                    Assert.True(Math.Abs(want - got) <= 1e-9 * Math.Max(1, Math.Abs(want)), $"{vector.GetProperty("name")}: {got} vs {want}");
            }
        }
    }

    private static IAnalyzeKernel Select(string? name)
    {
        var services = new ServiceCollection();
        Assert.True(services.TryAddAnalyzeKernel(Environment(name), out var problem), problem);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IAnalyzeKernel>();
    }

    private static Func<string, string?> Environment(string? analyzer) =>
        variable => variable == AnalyzeKernelSelection.EnvironmentVariable ? analyzer : null;
}
