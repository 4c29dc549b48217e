using System.Text.Json;

namespace Bench.Backend.Telemetry;

/// <summary>One JSON value read where a number is expected, kept as found so the rules can judge it later.</summary>
internal readonly record struct JsonNumber(JsonNumberKind Kind, double Value, long? Integer)
{
    /// <summary>2^53 - 1: the largest integer every contender (JavaScript included) holds exactly.</summary>
    public const long MaxSafeInteger = 9_007_199_254_740_991;

    public static JsonNumber Missing => default;

    public bool IsFinite => Kind == JsonNumberKind.Finite;

    /// <summary>The value as a contract integer (0 .. 2^53-1), or null.</summary>
    public long? SafeInteger => Integer is >= 0 and <= MaxSafeInteger ? Integer : null;

    /// <summary>Reads the current token; the reader stays on it.</summary>
    public static JsonNumber Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
            return new JsonNumber(JsonNumberKind.NotANumber, double.NaN, null);
        // Integers written plainly are taken exactly; 17.0 and 1e3 go through double (contract §2: whole is integer).
        if (reader.TryGetInt64(out var exact))
            return new JsonNumber(JsonNumberKind.Finite, exact, exact);
        if (!reader.TryGetDouble(out var value) || !double.IsFinite(value))
            return new JsonNumber(JsonNumberKind.NonFinite, double.NaN, null);
        long? integer = Math.Floor(value) == value && Math.Abs(value) <= MaxSafeInteger ? (long)value : null;
        return new JsonNumber(JsonNumberKind.Finite, value, integer);
    }
}
