using Bench.Load.Recording;

namespace Bench.UnitTests.Load.Recording;

public class HistogramLayoutTests
{
    private static readonly HistogramLayout Latency = HistogramLayout.Latency;

    [Fact]
    public void Latency_layout_has_hdrhistogram_geometry_for_one_hour_in_microseconds()
    {
        // hdrhistogram-py test_basic: (1, 3600 * 1000 * 1000, 3).
        Assert.Equal(22, Latency.BucketCount);
        Assert.Equal(2048, Latency.SubBucketCount);
        Assert.Equal(23552, Latency.CountsLength);
    }

    [Theory]
    [InlineData(3_600_000_000L, 3, 22, 23_552)]
    [InlineData(86_400_000_000L, 3, 27, 28_672)]
    [InlineData(3_600_000_000_000L, 3, 32, 33_792)]
    [InlineData(3_600_000_000L, 2, 25, 3_328)]
    public void Bucket_count_and_counts_length_match_the_footprint_table(long highest, int digits, int buckets, int length)
    {
        var layout = new HistogramLayout(1, highest, digits);

        Assert.Equal(buckets, layout.BucketCount);
        Assert.Equal(length, layout.CountsLength);
    }

    [Theory]
    [InlineData(2047L, 2047, 2047L, 2047L)]
    [InlineData(2048L, 2048, 2048L, 2049L)]
    [InlineData(4095L, 3071, 4094L, 4095L)]
    [InlineData(4096L, 3072, 4096L, 4099L)]
    [InlineData(1_000_000L, 11169, 999_936L, 1_000_447L)]
    [InlineData(3_600_000_000L, 23220, 3_598_712_832L, 3_600_809_983L)]
    public void Index_and_equivalent_range_match_reference_vectors(long value, int index, long lowest, long highest)
    {
        Assert.Equal(index, Latency.CountsIndex(value));
        Assert.Equal(lowest, Latency.LowestEquivalent(value));
        Assert.Equal(highest, Latency.HighestEquivalent(value));
        Assert.Equal(lowest, Latency.ValueFromIndex(index));
    }

    [Theory]
    [InlineData(8180L * 1024, (8183L * 1024) + 1023)]
    [InlineData(8191L * 1024, (8191L * 1024) + 1023)]
    [InlineData(8193L * 1024, (8199L * 1024) + 1023)]
    [InlineData(9995L * 1024, (9999L * 1024) + 1023)]
    [InlineData(10007L * 1024, (10007L * 1024) + 1023)]
    [InlineData(10008L * 1024, (10015L * 1024) + 1023)]
    [InlineData(8180L, 8183L)]
    [InlineData(8193L, 8199L)]
    [InlineData(10008L, 10015L)]
    public void Highest_equivalent_value_matches_hdrhistogram_tests(long value, long expected)
    {
        Assert.Equal(expected, Latency.HighestEquivalent(value));
    }

    [Fact]
    public void Every_index_maps_back_to_itself()
    {
        for (int index = 0; index < Latency.CountsLength; index++)
        {
            long value = Latency.ValueFromIndex(index);
            Assert.Equal(index, Latency.CountsIndex(value));
            Assert.Equal(index, Latency.CountsIndex(Latency.HighestEquivalent(value)));
        }
    }

    [Fact]
    public void Lowest_discernible_value_above_one_coarsens_the_first_bucket()
    {
        var layout = new HistogramLayout(1000, 3_600_000_000, 3);

        // unitMagnitude = floor(log2(1000)) = 9: the finest resolution is 512.
        Assert.Equal(512, layout.SizeOfEquivalentRange(5000));
        Assert.Equal(4608, layout.LowestEquivalent(5000));
        Assert.True(layout.AreEquivalent(4608, 5119));
        Assert.False(layout.AreEquivalent(4607, 4608));
    }

    [Theory]
    [InlineData(0L, 100L, 3)]
    [InlineData(10L, 19L, 3)]
    [InlineData(1L, 3_600_000_000L, 6)]
    [InlineData(1L, 3_600_000_000L, -1)]
    public void Invalid_parameters_are_rejected(long lowest, long highest, int digits)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HistogramLayout(lowest, highest, digits));
    }

    [Fact]
    public void Layouts_with_equal_parameters_are_equal()
    {
        Assert.Equal(new HistogramLayout(1, 3_600_000_000, 3), HistogramLayout.Latency);
        Assert.NotEqual(new HistogramLayout(1, 3_600_000_000, 2), HistogramLayout.Latency);
    }
}
