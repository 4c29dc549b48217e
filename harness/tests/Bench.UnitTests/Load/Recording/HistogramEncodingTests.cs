using System.Buffers.Binary;
using Bench.Load.Recording;

namespace Bench.UnitTests.Load.Recording;

public class HistogramEncodingTests
{
    [Fact]
    public void Compressed_base64_round_trip_preserves_every_count()
    {
        var histogram = new LatencyHistogram();
        foreach (long value in LatencyHistogramTests.LogUniformValues(count: 200_000, seed: 11, max: 3_600_000_000))
        {
            histogram.Record(value);
        }

        string base64 = HistogramEncoding.EncodeCompressedBase64(histogram);
        LatencyHistogram decoded = HistogramEncoding.DecodeCompressedBase64(base64);

        Assert.StartsWith("HISTFAAA", base64);
        Assert.Equal(histogram.Layout, decoded.Layout);
        Assert.Equal(histogram.Counts.ToArray(), decoded.Counts.ToArray());
        Assert.Equal(histogram.TotalCount, decoded.TotalCount);
        Assert.Equal(histogram.Min, decoded.Min);
        Assert.Equal(histogram.Max, decoded.Max);
        Assert.Equal(histogram.ValueAtPercentile(99.99), decoded.ValueAtPercentile(99.99));
    }

    [Fact]
    public void Round_trip_keeps_boundary_values_and_an_empty_histogram()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(0);
        histogram.Record(1);
        histogram.RecordWithCount(3_600_000_000, long.MaxValue / 4);

        LatencyHistogram decoded = HistogramEncoding.Decode(HistogramEncoding.Encode(histogram));
        LatencyHistogram empty = HistogramEncoding.DecodeCompressed(HistogramEncoding.EncodeCompressed(new LatencyHistogram()));

        Assert.Equal(histogram.Counts.ToArray(), decoded.Counts.ToArray());
        Assert.Equal(3_600_809_983, decoded.Max);
        Assert.Equal(0, empty.TotalCount);
    }

    [Fact]
    public void Encoding_writes_the_v2_header_and_run_length_counts()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(9);

        byte[] encoded = HistogramEncoding.Encode(histogram);

        Assert.Equal(0x1c849313, BinaryPrimitives.ReadInt32BigEndian(encoded));
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(encoded.AsSpan(4)));
        Assert.Equal(0, BinaryPrimitives.ReadInt32BigEndian(encoded.AsSpan(8)));
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(encoded.AsSpan(12)));
        Assert.Equal(1, BinaryPrimitives.ReadInt64BigEndian(encoded.AsSpan(16)));
        Assert.Equal(3_600_000_000, BinaryPrimitives.ReadInt64BigEndian(encoded.AsSpan(24)));
        Assert.Equal(1.0, BinaryPrimitives.ReadDoubleBigEndian(encoded.AsSpan(32)));
        // Nine zero counts are -9 (ZigZag 17 = 0x11), then the count 1 (ZigZag 2).
        Assert.Equal(new byte[] { 0x11, 0x02 }, encoded[40..]);
    }

    [Fact]
    public void Compressed_form_is_a_valid_zlib_stream_after_the_compressed_cookie()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1234);

        byte[] compressed = HistogramEncoding.EncodeCompressed(histogram);

        Assert.Equal(0x1c849314, BinaryPrimitives.ReadInt32BigEndian(compressed));
        Assert.Equal(compressed.Length - 8, BinaryPrimitives.ReadInt32BigEndian(compressed.AsSpan(4)));
        using var zlib = new System.IO.Compression.ZLibStream(
            new MemoryStream(compressed[8..]), System.IO.Compression.CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        zlib.CopyTo(inflated);
        Assert.Equal(HistogramEncoding.Encode(histogram), inflated.ToArray());
    }

    [Fact]
    public void Decodes_the_v1_fixed_width_encoding()
    {
        byte[] v1 = new byte[40 + (3 * 4)];
        BinaryPrimitives.WriteInt32BigEndian(v1, 0x1c849301 | 0x40);
        BinaryPrimitives.WriteInt32BigEndian(v1.AsSpan(4), 12);
        BinaryPrimitives.WriteInt32BigEndian(v1.AsSpan(12), 3);
        BinaryPrimitives.WriteInt64BigEndian(v1.AsSpan(16), 1);
        BinaryPrimitives.WriteInt64BigEndian(v1.AsSpan(24), 3_600_000_000);
        BinaryPrimitives.WriteInt32BigEndian(v1.AsSpan(40 + 8), 5);

        LatencyHistogram decoded = HistogramEncoding.Decode(v1);

        Assert.Equal(5, decoded.TotalCount);
        Assert.Equal(5, decoded.CountAtValue(2));
    }

    [Theory]
    [InlineData("AAAAAA==")]
    [InlineData("HISTFAAAAAAAAAAAAAAAAA==")]
    [InlineData("HISTFAAAAAl4nAMAAAAAAQ==")]
    public void Malformed_input_is_rejected_with_invalid_data(string base64)
    {
        Assert.Throws<InvalidDataException>(() => HistogramEncoding.DecodeCompressedBase64(base64));
    }

    [Theory]
    [InlineData(0L, new byte[] { 0x00 })]
    [InlineData(-1L, new byte[] { 0x01 })]
    [InlineData(1L, new byte[] { 0x02 })]
    [InlineData(-10L, new byte[] { 0x13 })]
    [InlineData(64L, new byte[] { 0x80, 0x01 })]
    [InlineData(long.MaxValue, new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })]
    [InlineData(long.MinValue, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })]
    public void ZigZag_leb128_matches_hdrhistogram_bytes(long value, byte[] expected)
    {
        Span<byte> buffer = stackalloc byte[ZigZagLeb128.MaxBytes];

        int written = ZigZagLeb128.Write(buffer, value);

        Assert.Equal(expected, buffer[..written].ToArray());
        Assert.Equal(value, ZigZagLeb128.Read(expected, out int read));
        Assert.Equal(expected.Length, read);
    }
}
