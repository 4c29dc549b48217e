namespace Bench.Backend.Telemetry;

/// <summary>The field rules of contract §2, applied in table order so the first failing field is reported.</summary>
internal static class TelemetryRules
{
    /// <summary>The first violation, or null when the reading is valid.</summary>
    public static TelemetryViolation? FirstViolation(scoped in TelemetryReading reading, string? expectedDeviceId)
    {
        switch (reading.Shape)
        {
            case TelemetryBodyShape.MalformedJson:
                return new("malformed JSON", null);
            case TelemetryBodyShape.NotAnObject:
                return new("body must be a JSON object", null);
        }
        if (reading.DeviceIdPresence != FieldPresence.Valid)
            return Field("deviceId", reading.DeviceIdPresence, "a string of 1..64 characters [A-Za-z0-9_.:-]");
        if (expectedDeviceId is not null && !reading.DeviceId.SequenceEqual(expectedDeviceId))
            return new("deviceId does not match the device of this connection", "deviceId");
        if (reading.Seq.SafeInteger is null)
            return Number("seq", reading.Seq, "an integer from 0 to 2^53-1");
        if (reading.Ts.SafeInteger is null)
            return Number("ts", reading.Ts, "an integer from 0 to 2^53-1");
        if (!InRange(reading.Temperature, -100, 200))
            return Number("temperature", reading.Temperature, "a finite number from -100 to 200");
        if (!InRange(reading.Humidity, 0, 100))
            return Number("humidity", reading.Humidity, "a finite number from 0 to 100");
        if (!InRange(reading.Battery, 0, 100))
            return Number("battery", reading.Battery, "a finite number from 0 to 100");
        if (reading.Vibration == FieldPresence.Invalid)
            return new("vibration must be an array of at most 1024 finite numbers", "vibration");
        return null;
    }

    private static bool InRange(JsonNumber number, double min, double max) =>
        number.IsFinite && number.Value >= min && number.Value <= max;

    private static TelemetryViolation Field(string field, FieldPresence presence, string rule) =>
        presence == FieldPresence.Missing
            ? new($"{field} is required", field)
            : new($"{field} must be {rule}", field);

    private static TelemetryViolation Number(string field, JsonNumber number, string rule) =>
        number.Kind switch
        {
            JsonNumberKind.Missing => new($"{field} is required", field),
            JsonNumberKind.NonFinite => new($"{field} is an invalid number", field),
            _ => new($"{field} must be {rule}", field),
        };
}
