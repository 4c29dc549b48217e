using System.Buffers.Binary;
using System.IO.Compression;

namespace Bench.Load.Recording;

/// <summary>
/// HdrHistogram's binary encodings: V2 (ZigZag LEB128 run-length counts after a 40-byte big-endian header),
/// its compressed form (a zlib stream after an 8-byte header), and the base64 text of the compressed form that
/// <c>.hlog</c> files, HistogramLogProcessor, hdrhistogram-py, HdrHistogramJS and HdrHistogram.NET exchange.
/// Decoding also accepts the older V1 and V0 fixed-width encodings.
/// </summary>
public static partial class HistogramEncoding
{
    public const int V2EncodingCookie = V2EncodingCookieBase | 0x10;
    public const int V2CompressedEncodingCookie = V2CompressedEncodingCookieBase | 0x10;

    private const int CompressedHeaderSize = 8;

    // Enough for the widest legal histogram; anything inflating beyond it is not a histogram.
    private const int MaxDecompressedSize = HeaderSize + (64 * 1024 * 1024);

    public static string EncodeCompressedBase64(LatencyHistogram histogram) =>
        Convert.ToBase64String(EncodeCompressed(histogram));

    public static LatencyHistogram DecodeCompressedBase64(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        return DecodeCompressed(Convert.FromBase64String(base64.Trim()));
    }

    /// <summary>The compressed V2 form: cookie, compressed length, then the V2 encoding as an RFC 1950 zlib stream.</summary>
    public static byte[] EncodeCompressed(LatencyHistogram histogram)
    {
        byte[] uncompressed = Encode(histogram);
        using var output = new MemoryStream(CompressedHeaderSize + (uncompressed.Length / 2));
        output.Write(stackalloc byte[CompressedHeaderSize]);
        // ZLibStream writes the header and Adler-32 trailer that java.util.zip.Inflater expects; SmallestSize
        // matches the BEST_COMPRESSION the Java log writer uses.
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(uncompressed);
        }

        byte[] result = output.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(result, V2CompressedEncodingCookie);
        BinaryPrimitives.WriteInt32BigEndian(result.AsSpan(4), result.Length - CompressedHeaderSize);
        return result;
    }

    public static LatencyHistogram DecodeCompressed(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length < CompressedHeaderSize)
        {
            throw new InvalidDataException("Too short for a compressed histogram.");
        }

        int cookieBase = BinaryPrimitives.ReadInt32BigEndian(encoded) & ~0xF0;
        if (cookieBase is not (V2CompressedEncodingCookieBase or V1CompressedEncodingCookieBase or V0CompressedEncodingCookieBase))
        {
            throw new InvalidDataException($"Not a compressed histogram (cookie 0x{cookieBase:x8}).");
        }

        int length = BinaryPrimitives.ReadInt32BigEndian(encoded[4..]);
        if (length < 2 || length > encoded.Length - CompressedHeaderSize)
        {
            throw new InvalidDataException($"Compressed length {length} does not fit the {encoded.Length}-byte input.");
        }

        return Decode(Inflate(encoded.Slice(CompressedHeaderSize, length)));
    }

    private static byte[] Inflate(ReadOnlySpan<byte> zlibStream)
    {
        byte cmf = zlibStream[0];
        byte flg = zlibStream[1];
        if ((cmf & 0x0F) != 8 || ((cmf << 8) | flg) % 31 != 0 || (flg & 0x20) != 0)
        {
            throw new InvalidDataException("Compressed histogram is not a zlib (RFC 1950) stream.");
        }

        // Raw DEFLATE after the 2-byte zlib header, ignoring the Adler-32 trailer: HdrHistogram.NET writes
        // its streams without that trailer, and they must decode too.
        using var deflate = new DeflateStream(new MemoryStream(zlibStream[2..].ToArray()), CompressionMode.Decompress);
        using var output = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = deflate.Read(chunk)) > 0)
        {
            output.Write(chunk, 0, read);
            if (output.Length > MaxDecompressedSize)
            {
                throw new InvalidDataException("Compressed histogram inflates beyond any legal histogram size.");
            }
        }

        return output.ToArray();
    }
}
