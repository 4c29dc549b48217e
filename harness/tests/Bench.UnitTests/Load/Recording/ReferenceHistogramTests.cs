using System.Runtime.CompilerServices;
using Bench.Load.Recording;

namespace Bench.UnitTests.Load.Recording;

/// <summary>Histograms encoded by other HdrHistogram implementations; see TestData/hdr/README.md.</summary>
public class ReferenceHistogramTests
{
    [Fact]
    public void Decodes_the_hdrhistogram_c_standard_histogram_with_the_facts_hdrhistogram_py_asserts()
    {
        LatencyHistogram histogram = Load("hdrhistogram-c-standard.b64");

        Assert.Equal(10_001, histogram.TotalCount);
        AssertPercentiles(histogram, (30.0, 1000), (99.0, 1000), (99.99, 1000), (99.999, 100_000_000), (100.0, 100_000_000));
        AssertMinAndMax(histogram);
    }

    [Fact]
    public void Decodes_the_hdrhistogram_c_corrected_histogram_with_the_facts_hdrhistogram_py_asserts()
    {
        LatencyHistogram histogram = Load("hdrhistogram-c-corrected.b64");

        Assert.Equal(20_000, histogram.TotalCount);
        AssertPercentiles(histogram,
            (30.0, 1000), (50.0, 1000), (75.0, 50_000_000), (90.0, 80_000_000), (99.0, 98_000_000),
            (99.999, 100_000_000), (100.0, 100_000_000));
        AssertMinAndMax(histogram);
    }

    [Fact]
    public void Decodes_the_hdrhistogramjs_histogram_with_the_facts_its_test_asserts()
    {
        LatencyHistogram histogram = Load("hdrhistogramjs-single-42.b64");

        Assert.Equal(42, histogram.Mean);
        Assert.Equal(1, histogram.TotalCount);
    }

    [Fact]
    public void Decodes_a_histogram_written_by_hdrhistogramjs_3()
    {
        LatencyHistogram histogram = Load("hdrhistogramjs-3.0.1-written.b64");

        Assert.Equal(HistogramLayout.Latency, histogram.Layout);
        Assert.Equal(7, histogram.TotalCount);
        Assert.Equal(1000, histogram.Min);
        Assert.Equal(5, histogram.CountAtValue(1500));
        Assert.True(histogram.Layout.AreEquivalent(histogram.Max, 100_000_000));
    }

    [Fact]
    public void Decoded_reference_merges_into_a_latency_histogram()
    {
        var total = new LatencyHistogram();

        total.Add(Load("hdrhistogram-c-standard.b64"));
        total.Add(Load("hdrhistogram-c-corrected.b64"));

        Assert.Equal(30_001, total.TotalCount);
        Assert.Equal(1000, total.ValueAtPercentile(50));
    }

    [Fact]
    public void Reencoding_a_reference_histogram_yields_the_same_counts_payload()
    {
        byte[] reference = HistogramEncoding.EncodeCompressed(Load("hdrhistogram-c-standard.b64"));

        LatencyHistogram roundTripped = HistogramEncoding.DecodeCompressed(reference);
        byte[] uncompressed = HistogramEncoding.Encode(roundTripped);

        // Counts 0..999 zero (-1000), 10000 at 1000, 16908 zeros, 1 at the bucket of 100000000.
        Assert.Equal(Convert.FromHexString("CF0FA09C0197880202"), uncompressed[40..]);
    }

    private static void AssertPercentiles(LatencyHistogram histogram, params (double Percentile, long Value)[] expected)
    {
        foreach ((double percentile, long value) in expected)
        {
            long actual = histogram.ValueAtPercentile(percentile);
            Assert.True(Math.Abs(actual - value) < value * 0.001, $"p{percentile}: {actual}, expected about {value}");
        }
    }

    private static void AssertMinAndMax(LatencyHistogram histogram)
    {
        Assert.True(histogram.Layout.AreEquivalent(histogram.Min, 1000), $"min {histogram.Min}");
        Assert.True(histogram.Layout.AreEquivalent(histogram.Max, 100_000_000), $"max {histogram.Max}");
    }

    private static LatencyHistogram Load(string fileName) =>
        HistogramEncoding.DecodeCompressedBase64(File.ReadAllText(Path.Combine(TestDataDirectory(), fileName)));

    // The vectors live beside the test sources; the path of this file finds them without copying them to
    // the output directory.
    private static string TestDataDirectory([CallerFilePath] string sourceFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile)!, "..", "..", "TestData", "hdr"));
}
