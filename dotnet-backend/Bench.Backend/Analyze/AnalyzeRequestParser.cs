using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text.Json;
using Bench.Backend.Http;
using Bench.Backend.Telemetry;

namespace Bench.Backend.Analyze;

/// <summary>
/// Reads and validates an analyze request in one pass with <see cref="Utf8JsonReader"/>, then applies the
/// field rules of contract §4 in order: samples, sampleRateHz, window, threshold.
/// </summary>
internal static class AnalyzeRequestParser
{
    public const int MinSamples = 16;
    public const int MaxSamples = 65_536;
    public const int DefaultWindow = 64;
    public const double DefaultThreshold = 4.0;

    public static bool TryParse(ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out AnalyzeRequest? request, [NotNullWhen(false)] out ErrorBody? error)
    {
        request = null;
        using var samples = new SampleList(MaxSamples);
        var fields = new Fields(samples);
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            error = ReadBody(ref reader, ref fields);
        }
        catch (JsonException)
        {
            error = new ErrorBody("malformed JSON", null);
        }
        if (error is not null)
            return false;
        error = Validate(fields, out var window, out var threshold);
        if (error is not null)
            return false;
        request = new AnalyzeRequest(samples.Detach(), samples.Count, fields.SampleRateHz.Value, window, threshold);
        return true;
    }

    private static ErrorBody? ReadBody(ref Utf8JsonReader reader, ref Fields fields)
    {
        if (!reader.Read())
            return new ErrorBody("malformed JSON", null);
        var isObject = reader.TokenType == JsonTokenType.StartObject;
        if (isObject)
            ReadProperties(ref reader, ref fields);
        else
            reader.Skip();
        if (reader.Read())
            return new ErrorBody("malformed JSON", null);
        return isObject ? null : new ErrorBody("body must be a JSON object", null);
    }

    private static void ReadProperties(ref Utf8JsonReader reader, ref Fields fields)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("samples"u8))
            {
                reader.Read();
                fields.SamplesPresence = ReadSamples(ref reader, fields.Samples);
            }
            else if (reader.ValueTextEquals("sampleRateHz"u8))
                fields.SampleRateHz = ReadNumber(ref reader);
            else if (reader.ValueTextEquals("window"u8))
                fields.Window = ReadNumber(ref reader);
            else if (reader.ValueTextEquals("threshold"u8))
                fields.Threshold = ReadNumber(ref reader);
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>Reads a number field; null reads as absent, which matters only for the optional fields.</summary>
    private static JsonNumber ReadNumber(ref Utf8JsonReader reader)
    {
        reader.Read();
        var number = reader.TokenType == JsonTokenType.Null ? JsonNumber.Missing : JsonNumber.Read(ref reader);
        reader.Skip();
        return number;
    }

    private static FieldPresence ReadSamples(ref Utf8JsonReader reader, SampleList samples)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return FieldPresence.Invalid;
        }
        var valid = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var number = JsonNumber.Read(ref reader);
            valid &= number.IsFinite;
            samples.Add(number.Value);
            reader.Skip();
        }
        return valid && samples.WithinLimit ? FieldPresence.Valid : FieldPresence.Invalid;
    }

    private static ErrorBody? Validate(in Fields fields, out int window, out double threshold)
    {
        window = DefaultWindow;
        threshold = DefaultThreshold;
        var n = fields.Samples.Count;
        if (fields.SamplesPresence != FieldPresence.Valid || n < MinSamples || !BitOperations.IsPow2(n))
            return new ErrorBody("samples must be an array of N finite numbers, N a power of two from 16 to 65536", "samples");
        if (!fields.SampleRateHz.IsFinite || fields.SampleRateHz.Value <= 0)
            return new ErrorBody("sampleRateHz must be a finite number > 0", "sampleRateHz");
        if (fields.Window.Kind != JsonNumberKind.Missing)
            window = fields.Window.Integer is { } w && w >= 2 && w <= n - 1 ? (int)w : -1;
        if (window < 2 || window > n - 1)
            return new ErrorBody("window must be an integer from 2 to N-1", "window");
        if (fields.Threshold.Kind != JsonNumberKind.Missing)
            threshold = fields.Threshold.IsFinite && fields.Threshold.Value > 0 ? fields.Threshold.Value : -1;
        if (threshold <= 0)
            return new ErrorBody("threshold must be a finite number > 0", "threshold");
        return null;
    }

    private struct Fields(SampleList samples)
    {
        public readonly SampleList Samples = samples;
        public FieldPresence SamplesPresence;
        public JsonNumber SampleRateHz;
        public JsonNumber Window;
        public JsonNumber Threshold;
    }
}
