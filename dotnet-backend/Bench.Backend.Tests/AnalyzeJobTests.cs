using System.Numerics;
using System.Text;
using System.Text.Json;
using Bench.Backend.Analyze;
using Bench.Backend.Tests.Support;
using MathNet.Numerics.IntegralTransforms;

namespace Bench.Backend.Tests;

public class AnalyzeJobTests
{
    public static TheoryData<string> Vectors { get; } = ContractVectors.Names(ContractVectors.Analyze);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Reproduces_each_shared_vector(string name)
    {
        var vector = ContractVectors.Find(ContractVectors.Analyze, name);
        var expected = vector.GetProperty("expected");

        var actual = Run(vector.GetProperty("request").GetRawText());

        Assert.Equal(expected.GetProperty("n").GetInt32(), actual.N);
        AssertClose(expected.GetProperty("mean").GetDouble(), actual.Mean);
        AssertClose(expected.GetProperty("std").GetDouble(), actual.Std);
        AssertClose(expected.GetProperty("min").GetDouble(), actual.Min);
        AssertClose(expected.GetProperty("max").GetDouble(), actual.Max);
        AssertClose(expected.GetProperty("dominantHz").GetDouble(), actual.DominantHz);
        Assert.Equal(expected.GetProperty("anomalies").EnumerateArray().Select(a => a.GetInt32()), actual.Anomalies);
    }

    [Fact]
    public void Finds_the_dominant_tone_and_a_spike()
    {
        var samples = Enumerable.Range(0, 256).Select(i => Math.Sin(2 * Math.PI * 10 * i / 256)).ToArray();
        samples[200] = 5;

        var result = Run(JsonSerializer.Serialize(new { samples, sampleRateHz = 512.0, window = 32 }));

        Assert.Equal(20.0, result.DominantHz);
        Assert.Equal([200], result.Anomalies);
        Assert.Equal((5.0, -1.0), (result.Max, result.Min));
    }

    [Fact]
    public void Ignores_a_spike_after_an_exactly_flat_window()
    {
        var samples = new double[64];
        samples[40] = 10;

        var result = Run(JsonSerializer.Serialize(new { samples, sampleRateHz = 1.0, window = 8 }));

        Assert.Empty(result.Anomalies);
    }

    [Fact]
    public void Packed_real_fft_gives_the_bins_of_the_complex_transform()
    {
        var random = new Random(7);
        var signal = Enumerable.Range(0, 1024).Select(_ => random.NextDouble() - 0.5).ToArray();
        var complex = signal.Select(x => new Complex(x, 0)).ToArray();
        var packed = new double[signal.Length + 2];
        signal.CopyTo(packed, 0);

        Fourier.Forward(complex, FourierOptions.Matlab);
        Fourier.ForwardReal(packed, signal.Length, FourierOptions.Matlab);

        for (var k = 0; k <= signal.Length / 2; k++)
            Assert.Equal(complex[k].Magnitude, new Complex(packed[2 * k], packed[(2 * k) + 1]).Magnitude, 1e-12);
    }

    private static AnalyzeResult Run(string requestJson)
    {
        Assert.True(AnalyzeRequestParser.TryParse(Encoding.UTF8.GetBytes(requestJson), out var request, out var error), error?.Error);
        using (request)
            return AnalyzeJob.Run(request);
    }

    /// <summary>Contract §4: 1e-9 relative, or 1e-9 absolute where the expected value is below 1 in magnitude.</summary>
    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Max(1.0, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
