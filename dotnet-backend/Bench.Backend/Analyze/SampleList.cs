using System.Buffers;

namespace Bench.Backend.Analyze;

/// <summary>A growable list of samples in pooled arrays, bounded so a hostile body cannot make it grow without end.</summary>
internal sealed class SampleList(int capacityLimit) : IDisposable
{
    private double[] _items = ArrayPool<double>.Shared.Rent(1024);

    public int Count { get; private set; }

    /// <summary>False once more than <c>capacityLimit</c> samples were offered; the extra ones are dropped.</summary>
    public bool WithinLimit { get; private set; } = true;

    public void Add(double value)
    {
        if (Count == capacityLimit)
        {
            WithinLimit = false;
            return;
        }
        if (Count == _items.Length)
            Grow();
        _items[Count++] = value;
    }

    /// <summary>Hands the buffer over to the caller, who returns it to the pool.</summary>
    public double[] Detach()
    {
        var items = _items;
        _items = [];
        return items;
    }

    public void Dispose()
    {
        if (_items.Length > 0)
            ArrayPool<double>.Shared.Return(_items);
        _items = [];
    }

    private void Grow()
    {
        var larger = ArrayPool<double>.Shared.Rent(Math.Min(_items.Length * 2, capacityLimit));
        _items.AsSpan(0, Count).CopyTo(larger);
        ArrayPool<double>.Shared.Return(_items);
        _items = larger;
    }
}
