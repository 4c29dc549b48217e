using System.Buffers.Binary;

namespace Bench.Load.Recording;

/// <summary>
/// Walks the counts payload of an encoded histogram: ZigZag LEB128 counts with zero runs (V2), or fixed-width
/// big-endian words of 2, 4 or 8 bytes (V1, V0). Yields only the non-zero counts with their array index.
/// </summary>
internal readonly ref struct CountsReader
{
    public const int ZigZagWordSize = 0;

    private readonly ReadOnlySpan<byte> _payload;
    private readonly int _wordSize;

    public CountsReader(ReadOnlySpan<byte> payload, int wordSize)
    {
        if (wordSize is not (ZigZagWordSize or 2 or 4 or 8))
        {
            throw new InvalidDataException($"Unsupported histogram word size {wordSize}.");
        }

        _payload = payload;
        _wordSize = wordSize;
    }

    /// <summary>The index of the last non-zero count, or -1 when all are zero.</summary>
    public int LastNonZeroIndex()
    {
        int offset = 0;
        long index = 0;
        int last = -1;
        while (TryNext(ref offset, ref index, out int at, out _))
        {
            last = at;
        }

        return last;
    }

    public void CopyTo(LatencyHistogram histogram)
    {
        int offset = 0;
        long index = 0;
        while (TryNext(ref offset, ref index, out int at, out long count))
        {
            histogram.SetCountAtIndex(at, count);
        }
    }

    private bool TryNext(ref int offset, ref long index, out int countIndex, out long count)
    {
        while (offset < _payload.Length)
        {
            long value = ReadWord(ref offset);
            if (value < 0)
            {
                SkipZeroRun(ref index, value);
                continue;
            }

            countIndex = checked((int)index);
            index++;
            if (value != 0)
            {
                count = value;
                return true;
            }
        }

        countIndex = -1;
        count = 0;
        return false;
    }

    private void SkipZeroRun(ref long index, long value)
    {
        if (_wordSize != ZigZagWordSize || value == long.MinValue)
        {
            throw new InvalidDataException("Histogram payload holds a negative count.");
        }

        index += -value;
        if (index > int.MaxValue)
        {
            throw new InvalidDataException("Histogram payload runs past any counts array.");
        }
    }

    private long ReadWord(ref int offset)
    {
        ReadOnlySpan<byte> rest = _payload[offset..];
        if (_wordSize == ZigZagWordSize)
        {
            long value = ZigZagLeb128.Read(rest, out int bytesRead);
            offset += bytesRead;
            return value;
        }

        if (rest.Length < _wordSize)
        {
            throw new InvalidDataException("Histogram payload ends inside a count.");
        }

        offset += _wordSize;
        return _wordSize switch
        {
            2 => BinaryPrimitives.ReadInt16BigEndian(rest),
            4 => BinaryPrimitives.ReadInt32BigEndian(rest),
            _ => BinaryPrimitives.ReadInt64BigEndian(rest),
        };
    }
}
