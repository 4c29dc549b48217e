using System.Globalization;

namespace Bench.Harness.Agents;

/// <summary>Durations as typed on the command line, in whole seconds (the load engine's resolution): <c>30s</c>, <c>2m</c>, <c>1h</c>, or a bare number of seconds.</summary>
internal static class DurationText
{
    private static readonly Dictionary<char, int> SecondsPerUnit = new() { ['s'] = 1, ['m'] = 60, ['h'] = 3600 };

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var trimmed = text.Trim();
        var hasUnit = trimmed.Length > 0 && SecondsPerUnit.ContainsKey(trimmed[^1]);
        var scale = hasUnit ? SecondsPerUnit[trimmed[^1]] : 1;
        var number = hasUnit ? trimmed[..^1] : trimmed;
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 7 * 86_400 / scale)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * scale);
        return true;
    }
}
