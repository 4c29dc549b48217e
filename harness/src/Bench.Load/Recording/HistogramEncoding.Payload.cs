using System.Buffers.Binary;

namespace Bench.Load.Recording;

public static partial class HistogramEncoding
{
    private const int V0EncodingCookieBase = 0x1c849308;
    private const int V0CompressedEncodingCookieBase = 0x1c849309;
    private const int V1EncodingCookieBase = 0x1c849301;
    private const int V1CompressedEncodingCookieBase = 0x1c849302;
    private const int V2EncodingCookieBase = 0x1c849303;
    private const int V2CompressedEncodingCookieBase = 0x1c849304;
    private const int HeaderSize = 40;
    private const int V0HeaderSize = 32;

    /// <summary>
    /// The uncompressed V2 encoding: cookie, payload length, normalizing index offset (0), significant digits,
    /// lowest and highest trackable values, integer-to-double ratio (1.0), then counts up to the maximum's
    /// bucket, each a ZigZag LEB128 number where -k stands for a run of k zero counts.
    /// </summary>
    public static byte[] Encode(LatencyHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        ReadOnlySpan<long> counts = histogram.Counts[..RelevantLength(histogram.Counts)];
        byte[] buffer = new byte[HeaderSize + (counts.Length * ZigZagLeb128.MaxBytes)];
        int payloadLength = WriteCounts(counts, buffer.AsSpan(HeaderSize));

        HistogramLayout layout = histogram.Layout;
        Span<byte> header = buffer;
        BinaryPrimitives.WriteInt32BigEndian(header, V2EncodingCookie);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], payloadLength);
        BinaryPrimitives.WriteInt32BigEndian(header[8..], 0);
        BinaryPrimitives.WriteInt32BigEndian(header[12..], layout.SignificantDigits);
        BinaryPrimitives.WriteInt64BigEndian(header[16..], layout.LowestDiscernibleValue);
        BinaryPrimitives.WriteInt64BigEndian(header[24..], layout.HighestTrackableValue);
        BinaryPrimitives.WriteDoubleBigEndian(header[32..], 1.0);
        return buffer[..(HeaderSize + payloadLength)];
    }

    /// <summary>
    /// Decodes a V2, V1 or V0 encoding into a histogram with the encoded range and precision. If the counts
    /// reach beyond the declared highest trackable value (auto-resizing writers), the range is widened to fit.
    /// </summary>
    public static LatencyHistogram Decode(ReadOnlySpan<byte> encoded)
    {
        EncodedHeader header = EncodedHeader.Read(encoded);
        // Lenient on length: some HdrHistogram_c versions declare header + payload as the payload length.
        int end = (int)Math.Min((long)header.Size + header.PayloadLength, encoded.Length);
        var payload = new CountsReader(encoded[header.Size..end], header.WordSize);

        HistogramLayout layout = header.ToLayout();
        int lastIndex = payload.LastNonZeroIndex();
        if (lastIndex >= layout.CountsLength)
        {
            layout = WidenedToFit(layout, lastIndex);
        }

        var histogram = new LatencyHistogram(layout);
        payload.CopyTo(histogram);
        histogram.RefreshTrackingValues();
        return histogram;
    }

    private static int RelevantLength(ReadOnlySpan<long> counts)
    {
        int last = counts.Length - 1;
        while (last > 0 && counts[last] == 0)
        {
            last--;
        }

        return last + 1;
    }

    private static int WriteCounts(ReadOnlySpan<long> counts, Span<byte> destination)
    {
        int written = 0;
        int index = 0;
        while (index < counts.Length)
        {
            long count = counts[index++];
            long zeros = 0;
            if (count == 0)
            {
                zeros = 1;
                while (index < counts.Length && counts[index] == 0)
                {
                    zeros++;
                    index++;
                }
            }

            written += ZigZagLeb128.Write(destination[written..], zeros > 1 ? -zeros : count);
        }

        return written;
    }

    private static HistogramLayout WidenedToFit(HistogramLayout layout, int lastIndex)
    {
        var widest = new HistogramLayout(layout.LowestDiscernibleValue, long.MaxValue, layout.SignificantDigits);
        if (lastIndex >= widest.CountsLength)
        {
            throw new InvalidDataException($"Histogram count index {lastIndex} is beyond any 64-bit value.");
        }

        long needed = layout.HighestEquivalent(layout.ValueFromIndex(lastIndex));
        return new HistogramLayout(layout.LowestDiscernibleValue, needed, layout.SignificantDigits);
    }

    private readonly record struct EncodedHeader(
        int Size, long PayloadLength, int WordSize, int Digits, long Lowest, long Highest)
    {
        public static EncodedHeader Read(ReadOnlySpan<byte> encoded)
        {
            if (encoded.Length < V0HeaderSize)
            {
                throw new InvalidDataException("Too short for a histogram.");
            }

            int cookie = BinaryPrimitives.ReadInt32BigEndian(encoded);
            int wordSize = (cookie & 0xF0) >> 4;
            return (cookie & ~0xF0) switch
            {
                V2EncodingCookieBase => ReadV1OrV2(encoded, CountsReader.ZigZagWordSize),
                V1EncodingCookieBase => ReadV1OrV2(encoded, wordSize),
                V0EncodingCookieBase => new EncodedHeader(V0HeaderSize, long.MaxValue, wordSize,
                    BinaryPrimitives.ReadInt32BigEndian(encoded[4..]),
                    BinaryPrimitives.ReadInt64BigEndian(encoded[8..]),
                    BinaryPrimitives.ReadInt64BigEndian(encoded[16..])),
                _ => throw new InvalidDataException($"Not a histogram encoding (cookie 0x{cookie:x8})."),
            };
        }

        public HistogramLayout ToLayout()
        {
            try
            {
                return new HistogramLayout(Lowest, Math.Max(Highest, 2 * Lowest), Digits);
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new InvalidDataException($"Histogram header is invalid: {e.Message}", e);
            }
        }

        private static EncodedHeader ReadV1OrV2(ReadOnlySpan<byte> encoded, int wordSize)
        {
            if (encoded.Length < HeaderSize)
            {
                throw new InvalidDataException("Too short for a histogram header.");
            }

            // The normalizing index offset (bytes 8..11) and the integer-to-double ratio (32..39) are not read:
            // HdrHistogramJS 3 writes 1 and the long 1 there for plain histograms, and like HdrHistogram_c and
            // hdrhistogram-py its own decoder ignores both. Counts are taken unshifted.
            return new EncodedHeader(HeaderSize,
                BinaryPrimitives.ReadInt32BigEndian(encoded[4..]),
                wordSize,
                BinaryPrimitives.ReadInt32BigEndian(encoded[12..]),
                BinaryPrimitives.ReadInt64BigEndian(encoded[16..]),
                BinaryPrimitives.ReadInt64BigEndian(encoded[24..]));
        }
    }
}
