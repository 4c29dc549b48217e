namespace Bench.Load.Recording;

/// <summary>
/// HdrHistogram's ZigZag LEB128-64b9B integers: ZigZag maps small magnitudes of either sign to small unsigned
/// numbers; LEB128 writes 7 bits per byte, least significant first, with the high bit as "more follows";
/// the 9th byte carries all 8 remaining bits, so an entry never exceeds 9 bytes (ZigZagEncoding.java).
/// </summary>
internal static class ZigZagLeb128
{
    public const int MaxBytes = 9;

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/>; returns the byte count.</summary>
    public static int Write(Span<byte> destination, long value)
    {
        ulong zigZag = (ulong)((value << 1) ^ (value >> 63));
        for (int i = 0; i < MaxBytes - 1; i++)
        {
            if (zigZag >> 7 == 0)
            {
                destination[i] = (byte)zigZag;
                return i + 1;
            }

            destination[i] = (byte)((zigZag & 0x7F) | 0x80);
            zigZag >>= 7;
        }

        destination[MaxBytes - 1] = (byte)zigZag;
        return MaxBytes;
    }

    /// <summary>Reads one value from the start of <paramref name="source"/>; <paramref name="bytesRead"/> says how far it went.</summary>
    public static long Read(ReadOnlySpan<byte> source, out int bytesRead)
    {
        ulong zigZag = 0;
        int shift = 0;
        for (int i = 0; i < MaxBytes - 1; i++)
        {
            byte b = ReadByte(source, i);
            zigZag |= (ulong)(b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                bytesRead = i + 1;
                return Decode(zigZag);
            }
        }

        zigZag |= (ulong)ReadByte(source, MaxBytes - 1) << 56;
        bytesRead = MaxBytes;
        return Decode(zigZag);
    }

    private static long Decode(ulong zigZag) => (long)(zigZag >> 1) ^ -(long)(zigZag & 1);

    private static byte ReadByte(ReadOnlySpan<byte> source, int index) =>
        index < source.Length ? source[index] : throw new InvalidDataException("Histogram payload ends inside a count.");
}
