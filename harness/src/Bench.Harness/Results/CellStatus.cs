using System.Text.Json.Serialization;

namespace Bench.Harness.Results;

/// <summary>How a cell ended. Failures are results too: anything but <see cref="Ok"/> carries a <see cref="CellFailure"/>.</summary>
internal enum CellStatus
{
    /// <summary>Ran to the end; the metrics are valid.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>The backend failed verify or stopped answering; nothing (or only part) was measured.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>The backend exited during the cell; metrics hold what was measured before.</summary>
    [JsonStringEnumMemberName("crashed")]
    Crashed,

    /// <summary>Not run (an earlier failure of the same backend, or a selection).</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,

    /// <summary>Ran, but the load generator was the bottleneck (missed sends, CPU bound): the figures understate the backend.</summary>
    [JsonStringEnumMemberName("saturated")]
    Saturated,
}
