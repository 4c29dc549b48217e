namespace Bench.Backend.Telemetry;

/// <summary>
/// The fields of one telemetry body as found, before any rule is applied. The device id points into a
/// caller-owned buffer so that a known device costs no allocation.
/// </summary>
internal ref struct TelemetryReading
{
    public TelemetryBodyShape Shape;
    public FieldPresence DeviceIdPresence;
    public ReadOnlySpan<char> DeviceId;
    public JsonNumber Seq;
    public JsonNumber Ts;
    public JsonNumber Temperature;
    public JsonNumber Humidity;
    public JsonNumber Battery;
    public FieldPresence Vibration;
}
