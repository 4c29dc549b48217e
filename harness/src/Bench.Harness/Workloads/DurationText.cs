using System.Globalization;

namespace Bench.Harness.Workloads;

/// <summary>Durations as written in workload files: a number and a unit, <c>500ms</c>, <c>2s</c>, <c>1.5m</c>, <c>8h</c>.</summary>
internal static class DurationText
{
    public const string Examples = "500ms, 2s, 1.5m or 8h";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var value = text?.Trim() ?? "";
        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 0.001)
            : value.EndsWith('s') ? (value[..^1], 1.0)
            : value.EndsWith('m') ? (value[..^1], 60.0)
            : value.EndsWith('h') ? (value[..^1], 3600.0)
            : ("", 0.0);
        if (unit == 0 || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(amount * unit);
        return true;
    }

    /// <summary>The shortest exact spelling: 6m, 1m30s, 2.5s, 250ms.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return $"{duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)}ms";
        }

        var minutes = (int)duration.TotalMinutes;
        var seconds = (duration - TimeSpan.FromMinutes(minutes)).TotalSeconds;
        var secondsText = seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        return minutes == 0 ? secondsText : seconds == 0 ? $"{minutes}m" : $"{minutes}m{secondsText}";
    }
}
