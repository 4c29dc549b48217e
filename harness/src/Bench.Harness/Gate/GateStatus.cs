namespace Bench.Harness.Gate;

/// <summary>The gate's conclusion; each maps to one exit code.</summary>
internal enum GateStatus
{
    /// <summary>Compared, and no metric is significantly worse beyond its margin (exit 0).</summary>
    Passed,

    /// <summary>At least one metric is significantly worse beyond its margin (exit 1).</summary>
    Regressed,

    /// <summary>The baseline cannot be used: partial, failed cells, another profile or another machine class (exit 2).</summary>
    InvalidBaseline,

    /// <summary>The run cannot be compared: partial, or cells that failed, crashed, were skipped or saturated the generator (exit 3).</summary>
    RunNotComparable,
}
