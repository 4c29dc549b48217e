using System.Text;

namespace Bench.Mqtt;

/// <summary>Topic name and topic filter rules (MQTT 3.1.1 §4.7) plus shared subscriptions (<c>$share/name/filter</c>).</summary>
public static class MqttTopic
{
    /// <summary>The longest UTF-8 string MQTT can carry (§1.5.3).</summary>
    public const int MaxUtf8Length = ushort.MaxValue;

    private const string SharePrefix = "$share/";

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="topic"/> is a valid topic name to publish to.</summary>
    public static void ValidateName(string topic)
    {
        ValidateString(topic, nameof(topic));
        if (topic.AsSpan().IndexOfAny('+', '#') >= 0)
            throw new ArgumentException($"topic '{topic}' must not contain wildcards (§4.7.1)", nameof(topic));
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="filter"/> is a valid subscription filter.</summary>
    public static void ValidateFilter(string filter)
    {
        ValidateString(filter, nameof(filter));
        var levels = filter.AsSpan();
        if (filter.StartsWith(SharePrefix, StringComparison.Ordinal))
        {
            levels = levels[SharePrefix.Length..];
            var slash = levels.IndexOf('/');
            if (slash <= 0 || levels[..slash].IndexOfAny('+', '#') >= 0 || slash == levels.Length - 1)
                throw new ArgumentException($"shared filter '{filter}' must be $share/<name>/<filter>", nameof(filter));
            levels = levels[(slash + 1)..];
        }
        ValidateWildcards(levels, filter);
    }

    private static void ValidateWildcards(ReadOnlySpan<char> levels, string filter)
    {
        var levelStart = 0;
        for (var i = 0; i <= levels.Length; i++)
        {
            if (i < levels.Length && levels[i] != '/')
                continue;
            var level = levels[levelStart..i];
            var lastLevel = i == levels.Length;
            // '#' must be a whole level and the last one; '+' must be a whole level (§4.7.1.2-3).
            var badHash = level.Contains('#') && (level.Length != 1 || !lastLevel);
            var badPlus = level.Contains('+') && level.Length != 1;
            if (badHash || badPlus)
                throw new ArgumentException($"filter '{filter}' misuses a wildcard (§4.7.1)", nameof(filter));
            levelStart = i + 1;
        }
    }

    private static void ValidateString(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, parameterName);
        if (value.Contains('\0', StringComparison.Ordinal))
            throw new ArgumentException("topics must not contain U+0000 (§4.7.3)", parameterName);
        if (Encoding.UTF8.GetByteCount(value) > MaxUtf8Length)
            throw new ArgumentException($"topics are at most {MaxUtf8Length} UTF-8 bytes", parameterName);
    }
}
