using System.Globalization;

namespace Bench.Harness.Agents;

/// <summary>
/// Durations as typed on the command line: the workload files' spelling (<c>30s</c>, <c>2m</c>, <c>1h</c>; see
/// <see cref="Workloads.DurationText"/>) or a bare number of seconds, in whole seconds (the load engine's
/// resolution) and at most a week.
/// </summary>
internal static class DurationText
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(7);

    public static bool TryParse(string text, out TimeSpan duration)
    {
        var trimmed = text.Trim();
        var parsed = long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= Longest.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : Workloads.DurationText.TryParse(trimmed, out var written) ? written : (TimeSpan?)null;
        var valid = parsed is { } value && value >= TimeSpan.Zero && value <= Longest && value.Ticks % TimeSpan.TicksPerSecond == 0;
        duration = valid ? parsed!.Value : default;
        return valid;
    }
}
