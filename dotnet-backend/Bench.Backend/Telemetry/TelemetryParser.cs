using System.Text.Json;

namespace Bench.Backend.Telemetry;

/// <summary>
/// Reads a telemetry body in one forward pass with <see cref="Utf8JsonReader"/>. Every known field is
/// recorded wherever it appears, so the rules can report the first failing field in contract order.
/// </summary>
internal static class TelemetryParser
{
    public const int MaxDeviceIdLength = 64;
    public const int MaxVibrationLength = 1024;

    /// <param name="utf8Json">The body as UTF-8 JSON.</param>
    /// <param name="deviceIdBuffer">At least <see cref="MaxDeviceIdLength"/> chars; the device id is copied here.</param>
    public static TelemetryReading Parse(ReadOnlySpan<byte> utf8Json, Span<char> deviceIdBuffer)
    {
        var reading = default(TelemetryReading);
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read())
                return Refused(TelemetryBodyShape.MalformedJson);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                // Still read to the end: "[1" is malformed JSON, "[1]" is merely not an object.
                reader.Skip();
                return Refused(ReadToEnd(ref reader) ? TelemetryBodyShape.NotAnObject : TelemetryBodyShape.MalformedJson);
            }
            ReadProperties(ref reader, ref reading, deviceIdBuffer);
            return ReadToEnd(ref reader) ? reading : Refused(TelemetryBodyShape.MalformedJson);
        }
        catch (JsonException)
        {
            // Fields read before the fault are forgotten: a body that is not JSON has no seq to echo.
            return Refused(TelemetryBodyShape.MalformedJson);
        }
    }

    private static TelemetryReading Refused(TelemetryBodyShape shape) => new() { Shape = shape };

    /// <summary>True when nothing but whitespace follows the root value.</summary>
    private static bool ReadToEnd(ref Utf8JsonReader reader) => !reader.Read();

    private static void ReadProperties(ref Utf8JsonReader reader, ref TelemetryReading reading, Span<char> deviceIdBuffer)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Checked in rough order of frequency; unknown fields are skipped (contract §2).
            if (reader.ValueTextEquals("deviceId"u8))
            {
                reader.Read();
                var length = ReadDeviceId(ref reader, deviceIdBuffer);
                reading.DeviceIdPresence = length > 0 ? FieldPresence.Valid : FieldPresence.Invalid;
                reading.DeviceId = length > 0 ? deviceIdBuffer[..length] : default;
            }
            else if (reader.ValueTextEquals("seq"u8))
                reading.Seq = ReadNumber(ref reader);
            else if (reader.ValueTextEquals("ts"u8))
                reading.Ts = ReadNumber(ref reader);
            else if (reader.ValueTextEquals("temperature"u8))
                reading.Temperature = ReadNumber(ref reader);
            else if (reader.ValueTextEquals("humidity"u8))
                reading.Humidity = ReadNumber(ref reader);
            else if (reader.ValueTextEquals("battery"u8))
                reading.Battery = ReadNumber(ref reader);
            else if (reader.ValueTextEquals("vibration"u8))
            {
                reader.Read();
                reading.Vibration = ReadVibration(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static JsonNumber ReadNumber(ref Utf8JsonReader reader)
    {
        reader.Read();
        var number = JsonNumber.Read(ref reader);
        reader.Skip();
        return number;
    }

    /// <returns>The length of the valid id copied to <paramref name="buffer"/>, or 0 when the value is not a valid id.</returns>
    private static int ReadDeviceId(ref Utf8JsonReader reader, Span<char> buffer)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return 0;
        }
        // An escaped value is at most as long as its raw text, so a raw text within 6x the limit
        // (\uXXXX per char) may still fit; anything longer cannot.
        if (reader.ValueSpan.Length > MaxDeviceIdLength * 6
            || (!reader.ValueIsEscaped && reader.ValueSpan.Length > MaxDeviceIdLength))
            return 0;
        Span<char> scratch = stackalloc char[MaxDeviceIdLength * 6];
        var length = reader.CopyString(scratch);
        if (!IsValidDeviceId(scratch[..length]))
            return 0;
        scratch[..length].CopyTo(buffer);
        return length;
    }

    /// <summary>1..64 characters, each of [A-Za-z0-9_.:-] (contract §2).</summary>
    public static bool IsValidDeviceId(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.Length > MaxDeviceIdLength)
            return false;
        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-'))
                return false;
        }
        return true;
    }

    private static FieldPresence ReadVibration(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return FieldPresence.Missing;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return FieldPresence.Invalid;
        }
        var count = 0;
        var valid = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            count++;
            valid &= count <= MaxVibrationLength && JsonNumber.Read(ref reader).IsFinite;
            reader.Skip();
        }
        return valid ? FieldPresence.Valid : FieldPresence.Invalid;
    }
}
