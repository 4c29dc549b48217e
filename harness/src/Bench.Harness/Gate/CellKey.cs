using System.Globalization;
using Bench.Harness.Results;

namespace Bench.Harness.Gate;

/// <summary>A cell without its trial number: what the gate pairs between a run and its baseline.</summary>
internal sealed record CellKey(string Backend, string Workload, int Scale) : IComparable<CellKey>
{
    public static CellKey Of(CellResult cell) => new(cell.Backend, cell.Workload, cell.Scale);

    public int CompareTo(CellKey? other) =>
        other is null ? 1
        : string.CompareOrdinal(Workload, other.Workload) is var byWorkload and not 0 ? byWorkload
        : Scale.CompareTo(other.Scale) is var byScale and not 0 ? byScale
        : string.CompareOrdinal(Backend, other.Backend);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Backend}/{Workload}/{Scale}");
}
