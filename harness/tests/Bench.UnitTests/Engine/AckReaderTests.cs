using Bench.Load.Clients;

namespace Bench.UnitTests.Engine;

public sealed class AckReaderTests
{
    [Theory]
    [InlineData("{\"type\":\"ack\",\"seq\":17}", AckKind.Ack, 17)]
    [InlineData("{\"seq\":42}", AckKind.Ack, 42)]
    [InlineData("{\"seq\": 9007199254740991}", AckKind.Ack, 9007199254740991)]
    [InlineData("{\"type\":\"error\",\"error\":\"temperature out of range\",\"seq\":5}", AckKind.Error, 5)]
    [InlineData("{\"type\":\"error\",\"error\":\"malformed JSON\",\"seq\":null}", AckKind.Error, -1)]
    [InlineData("{\"type\":\"ack\"}", AckKind.Malformed, -1)]
    [InlineData("not json", AckKind.Malformed, -1)]
    [InlineData("[1,2]", AckKind.Malformed, -1)]
    public void Reads_the_kind_and_seq_of_a_backend_reply(string json, AckKind kind, long seq)
    {
        Assert.Equal(kind, AckReader.Read(System.Text.Encoding.UTF8.GetBytes(json), out long read));
        Assert.Equal(seq, read);
    }

    [Fact]
    public void A_telemetry_payload_is_a_contract_reading_with_its_seq()
    {
        var buffer = new byte[TelemetryPayload.MaxLength];
        int length = TelemetryPayload.Write(buffer, "dev-000042"u8, 1234, 1_763_769_600_000);

        using var json = System.Text.Json.JsonDocument.Parse(buffer.AsMemory(0, length));
        var root = json.RootElement;
        Assert.Equal("dev-000042", root.GetProperty("deviceId").GetString());
        Assert.Equal(1234, root.GetProperty("seq").GetInt64());
        Assert.Equal(1_763_769_600_000, root.GetProperty("ts").GetInt64());
        Assert.InRange(root.GetProperty("temperature").GetDouble(), -100, 200);
        Assert.InRange(root.GetProperty("humidity").GetDouble(), 0, 100);
        Assert.InRange(root.GetProperty("battery").GetDouble(), 0, 100);
        Assert.False(root.TryGetProperty("vibration", out _));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(1024)]
    public void A_reading_with_vibration_carries_that_many_finite_numbers_within_the_buffer_bound(int samples)
    {
        byte[] field = TelemetryPayload.VibrationField(samples);
        var buffer = new byte[TelemetryPayload.MaxLength + field.Length];
        int length = TelemetryPayload.Write(buffer, "dev-000007"u8, 9, 1_763_769_600_000, field);

        using var json = System.Text.Json.JsonDocument.Parse(buffer.AsMemory(0, length));
        var vibration = json.RootElement.GetProperty("vibration").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(samples, vibration.Count);
        Assert.All(vibration, v => Assert.InRange(v, -0.5, 0.5));
        Assert.Contains(vibration, v => v != 0); // a tone, not zeros: the analysis has something to find
        Assert.Equal(9, json.RootElement.GetProperty("seq").GetInt64());
    }

    [Fact]
    public void An_analysis_result_is_matched_by_its_seq_like_an_ack()
    {
        var result = """{"deviceId":"d1","seq":41,"ts":1,"receivedAt":2.5,"analyzedAt":3.25,"result":{"n":16,"mean":0,"std":1,"min":-1,"max":1,"dominantHz":25,"anomalies":[]}}"""u8;

        Assert.Equal(AckKind.Ack, AckReader.Read(result, out long seq));
        Assert.Equal(41, seq);
        Assert.Empty(TelemetryPayload.VibrationField(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TelemetryPayload.VibrationField(1025));
    }
}
