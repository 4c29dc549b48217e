using System.Text;
using Bench.Backend.Stats;
using Bench.Backend.Telemetry;
using Bench.Backend.Tests.Support;

namespace Bench.Backend.Tests;

public class TelemetryProcessorTests
{
    private const string Valid = """{"deviceId":"dev-1","seq":17,"ts":1763769600000,"temperature":21.5,"humidity":40.25,"battery":88.0}""";

    private readonly DeviceRegistry _devices = new();
    private readonly BackendCounters _counters = new();
    private readonly TelemetryProcessor _processor;

    public TelemetryProcessorTests() => _processor = new TelemetryProcessor(_devices, _counters);

    public static TheoryData<string> RefusedTelemetryVectors { get; } = ContractVectors.InvalidNames("/telemetry", 400);

    [Fact]
    public void Accepts_a_valid_reading_and_records_the_device_state()
    {
        var result = Process(Valid);

        Assert.Equal(new TelemetryResult(true, "dev-1", 17, null, null), result);
        Assert.Equal(new DeviceSnapshot("dev-1", 1, 17, 1763769600000, 21.5), _devices.Find("dev-1"));
    }

    [Fact]
    public void Counts_whole_valued_floats_as_integers()
    {
        var result = Process("""{"deviceId":"dev-1","seq":17.0,"ts":1e3,"temperature":20,"humidity":0,"battery":100,"vibration":null}""");

        Assert.True(result.Accepted, result.Error);
        Assert.Equal(1000, _devices.Find("dev-1")!.LastTs);
    }

    [Fact]
    public void Reads_escaped_device_ids()
    {
        var result = Process("""{"deviceId":"dev\u002D1","seq":1,"ts":1,"temperature":20,"humidity":0,"battery":100}""");

        Assert.Equal("dev-1", result.DeviceId);
    }

    [Theory]
    [MemberData(nameof(RefusedTelemetryVectors))]
    public void Refuses_each_invalid_vector_naming_its_field(string name)
    {
        var vector = ContractVectors.Find(ContractVectors.Invalid, name);

        var result = _processor.Process(ContractVectors.Body(vector), null, Transport.Http);

        Assert.False(result.Accepted);
        Assert.False(string.IsNullOrEmpty(result.Error));
        Assert.Equal(vector.GetProperty("expectedField").GetString(), result.Field);
    }

    [Fact]
    public void Reports_the_first_failing_field_in_contract_order_whatever_the_json_order()
    {
        var result = Process("""{"battery":500,"vibration":"x","seq":"3","deviceId":"dev-1","ts":-1}""");

        Assert.Equal("seq", result.Field);
        Assert.Equal("dev-1", result.DeviceId);
    }

    [Fact]
    public void Refuses_a_number_that_overflows_as_an_invalid_number()
    {
        var result = Process(Valid.Replace("21.5", "1e999", StringComparison.Ordinal));

        Assert.Equal(("temperature", "temperature is an invalid number"), (result.Field, result.Error));
    }

    [Theory]
    [InlineData(" {}")]
    [InlineData("x")]
    [InlineData(",")]
    public void Refuses_trailing_content_after_the_object_as_malformed(string trailer)
    {
        var result = Process(Valid + trailer);

        Assert.Equal((false, null, null, "malformed JSON"), (result.Accepted, result.Seq, result.Field, result.Error));
    }

    [Fact]
    public void Refuses_a_device_id_other_than_the_channel_one()
    {
        var result = _processor.Process(Encoding.UTF8.GetBytes(Valid), "dev-2", Transport.WebSocket);

        Assert.Equal((false, "deviceId", 17L), (result.Accepted, result.Field, result.Seq));
        Assert.Null(_devices.Find("dev-1"));
    }

    [Fact]
    public void Produces_the_device_states_of_the_telemetry_vectors()
    {
        foreach (var reading in ContractVectors.Telemetry.GetProperty("valid").EnumerateArray())
            Assert.True(Process(reading.GetRawText()).Accepted, reading.GetRawText());

        foreach (var state in ContractVectors.Telemetry.GetProperty("states").EnumerateArray())
        {
            var actual = _devices.Find(state.GetProperty("deviceId").GetString()!)!;
            Assert.Equal(state.GetProperty("count").GetInt64(), actual.Count);
            Assert.Equal(state.GetProperty("lastSeq").GetInt64(), actual.LastSeq);
            Assert.Equal(state.GetProperty("lastTs").GetInt64(), actual.LastTs);
            Assert.Equal(state.GetProperty("temperatureMean").GetDouble(), actual.TemperatureMean, 1e-9);
        }
    }

    [Fact]
    public void Echoes_seq_in_refusals_only_when_it_is_a_valid_integer()
    {
        var frameDeviceId = ContractVectors.Telemetry.GetProperty("frameDeviceId").GetString();
        foreach (var frame in ContractVectors.Telemetry.GetProperty("invalidFrames").EnumerateArray())
        {
            var result = _processor.Process(Encoding.UTF8.GetBytes(frame.GetProperty("raw").GetString()!), frameDeviceId, Transport.WebSocket);

            var expectedSeq = frame.GetProperty("expectedSeq");
            Assert.False(result.Accepted);
            Assert.Equal(expectedSeq.ValueKind == System.Text.Json.JsonValueKind.Null ? null : expectedSeq.GetInt64(), result.Seq);
        }
    }

    [Fact]
    public void Counts_outcomes_and_mqtt_messages()
    {
        Process(Valid);
        Process("{}");
        _processor.Process(Encoding.UTF8.GetBytes(Valid), "dev-1", Transport.Mqtt);

        Assert.Equal(new StatsSnapshot(2, 1, 1, 0, 1, 0), _counters.Snapshot(_devices.Count));
    }

    [Fact]
    public void Loses_no_update_when_fifty_readings_for_one_device_arrive_at_once()
    {
        // Dedicated threads released together by a barrier: the most contention one device can see.
        const int Writers = 50;
        using var barrier = new Barrier(Writers);
        var results = new TelemetryResult[Writers];
        var threads = Enumerable.Range(0, Writers).Select(i => new Thread(() =>
        {
            var seq = i + 1;
            barrier.SignalAndWait();
            results[i] = Process($$"""{"deviceId":"busy","seq":{{seq}},"ts":{{seq}},"temperature":{{seq}},"humidity":1,"battery":1}""");
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(results, r => Assert.True(r.Accepted));
        var state = _devices.Find("busy")!;
        Assert.Equal(Writers, state.Count);
        Assert.Equal(25.5, state.TemperatureMean);
        Assert.Equal(state.LastSeq, state.LastTs);
        Assert.Equal(1, _devices.Count);
    }

    private TelemetryResult Process(string json) => _processor.Process(Encoding.UTF8.GetBytes(json), null, Transport.Http);
}
