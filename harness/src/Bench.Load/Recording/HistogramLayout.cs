using System.Numerics;

namespace Bench.Load.Recording;

/// <summary>
/// The bucket and sub-bucket layout of an HdrHistogram with the given range and precision, with its
/// index maths. The formulas are HdrHistogram's own (AbstractHistogram.java), so counts arrays, encodings
/// and percentiles agree value for value with the Java, C, Python, JS and .NET implementations.
/// </summary>
public sealed class HistogramLayout : IEquatable<HistogramLayout>
{
    /// <summary>Latency in microseconds: 1 µs to one hour, three significant digits.</summary>
    public static HistogramLayout Latency { get; } = new(1, 3_600_000_000, 3);

    private readonly int _unitMagnitude;
    private readonly int _subBucketHalfCountMagnitude;
    private readonly int _subBucketHalfCount;
    private readonly long _subBucketMask;
    private readonly int _leadingZeroCountBase;

    public HistogramLayout(long lowestDiscernibleValue, long highestTrackableValue, int significantDigits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lowestDiscernibleValue, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(highestTrackableValue, 2 * lowestDiscernibleValue);
        ArgumentOutOfRangeException.ThrowIfNegative(significantDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(significantDigits, 5);

        LowestDiscernibleValue = lowestDiscernibleValue;
        HighestTrackableValue = highestTrackableValue;
        SignificantDigits = significantDigits;

        // 2 x 10^d: +-1 unit at 1000 is only +-2 units from 2000 on, which keeps d digits everywhere.
        long largestValueWithSingleUnitResolution = 2 * (long)Math.Pow(10, significantDigits);
        int subBucketCountMagnitude = 64 - BitOperations.LeadingZeroCount((ulong)largestValueWithSingleUnitResolution - 1);
        _subBucketHalfCountMagnitude = Math.Max(subBucketCountMagnitude, 1) - 1;
        _unitMagnitude = 63 - BitOperations.LeadingZeroCount((ulong)lowestDiscernibleValue);
        if (subBucketCountMagnitude + _unitMagnitude > 62)
        {
            throw new ArgumentOutOfRangeException(nameof(lowestDiscernibleValue),
                "lowestDiscernibleValue and significantDigits together exceed a 64-bit value range.");
        }

        SubBucketCount = 1 << (_subBucketHalfCountMagnitude + 1);
        _subBucketHalfCount = SubBucketCount / 2;
        _subBucketMask = ((long)SubBucketCount - 1) << _unitMagnitude;
        _leadingZeroCountBase = 64 - _unitMagnitude - _subBucketHalfCountMagnitude - 1;
        BucketCount = BucketsNeededToCover(highestTrackableValue);
        CountsLength = (BucketCount + 1) * _subBucketHalfCount;
    }

    public long LowestDiscernibleValue { get; }

    public long HighestTrackableValue { get; }

    public int SignificantDigits { get; }

    public int BucketCount { get; }

    public int SubBucketCount { get; }

    /// <summary>Length of the counts array: (buckets + 1) x half the sub-bucket count.</summary>
    public int CountsLength { get; }

    /// <summary>Counts-array index of a value in [0, HighestTrackableValue].</summary>
    public int CountsIndex(long value)
    {
        int bucketIndex = BucketIndex(value);
        int subBucketIndex = (int)((ulong)value >> (bucketIndex + _unitMagnitude));
        // ((bucket + 1) << halfMagnitude) + (sub - halfCount): the first bucket's offset is negative.
        return ((bucketIndex + 1) << _subBucketHalfCountMagnitude) + (subBucketIndex - _subBucketHalfCount);
    }

    /// <summary>The lowest value that maps to a counts-array index.</summary>
    public long ValueFromIndex(int index)
    {
        int bucketIndex = (index >> _subBucketHalfCountMagnitude) - 1;
        int subBucketIndex = (index & (_subBucketHalfCount - 1)) + _subBucketHalfCount;
        if (bucketIndex < 0)
        {
            subBucketIndex -= _subBucketHalfCount;
            bucketIndex = 0;
        }

        return (long)subBucketIndex << (bucketIndex + _unitMagnitude);
    }

    public long SizeOfEquivalentRange(long value)
    {
        int bucketIndex = BucketIndex(value);
        int subBucketIndex = (int)((ulong)value >> (bucketIndex + _unitMagnitude));
        // The top sub-bucket of a bucket already has the next bucket's resolution.
        int adjustedBucket = subBucketIndex >= SubBucketCount ? bucketIndex + 1 : bucketIndex;
        return 1L << (_unitMagnitude + adjustedBucket);
    }

    public long LowestEquivalent(long value)
    {
        int bucketIndex = BucketIndex(value);
        int subBucketIndex = (int)((ulong)value >> (bucketIndex + _unitMagnitude));
        return (long)subBucketIndex << (bucketIndex + _unitMagnitude);
    }

    public long HighestEquivalent(long value) => NextNonEquivalent(value) - 1;

    public long NextNonEquivalent(long value) => LowestEquivalent(value) + SizeOfEquivalentRange(value);

    /// <summary>The middle of a value's equivalence range; HdrHistogram uses it for the mean and deviation.</summary>
    public long MedianEquivalent(long value) => LowestEquivalent(value) + (SizeOfEquivalentRange(value) >> 1);

    public bool AreEquivalent(long a, long b) => LowestEquivalent(a) == LowestEquivalent(b);

    public bool Equals(HistogramLayout? other) =>
        other is not null
        && other.LowestDiscernibleValue == LowestDiscernibleValue
        && other.HighestTrackableValue == HighestTrackableValue
        && other.SignificantDigits == SignificantDigits;

    public override bool Equals(object? obj) => Equals(obj as HistogramLayout);

    public override int GetHashCode() => HashCode.Combine(LowestDiscernibleValue, HighestTrackableValue, SignificantDigits);

    public override string ToString() =>
        $"[{LowestDiscernibleValue}, {HighestTrackableValue}] {SignificantDigits} digits, " +
        $"{BucketCount} buckets x {SubBucketCount} sub-buckets";

    private int BucketIndex(long value) =>
        _leadingZeroCountBase - BitOperations.LeadingZeroCount((ulong)(value | _subBucketMask));

    private int BucketsNeededToCover(long value)
    {
        long smallestUntrackableValue = (long)SubBucketCount << _unitMagnitude;
        int bucketsNeeded = 1;
        while (smallestUntrackableValue <= value)
        {
            if (smallestUntrackableValue > long.MaxValue / 2)
            {
                return bucketsNeeded + 1;
            }

            smallestUntrackableValue <<= 1;
            bucketsNeeded++;
        }

        return bucketsNeeded;
    }
}
