using System.Buffers;
using System.Text.Json;
using Bench.Backend.Telemetry;
using Bench.Load.Clients;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Bench.Micro.HotPaths;

/// <summary>
/// One telemetry reading to and from JSON: the load generator's hand-written writer and the backend's one-pass
/// reader, each beside System.Text.Json's source-generated serializer as the point of comparison.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TelemetryJsonBenchmarks
{
    private readonly byte[] _deviceId = TelemetryPayload.Utf8("dev-000042");
    private readonly byte[] _buffer = new byte[TelemetryPayload.MaxLength];
    private readonly char[] _deviceIdChars = new char[TelemetryParser.MaxDeviceIdLength];
    private readonly ArrayBufferWriter<byte> _output = new(TelemetryPayload.MaxLength);
    private readonly TelemetryDocument _document = new("dev-000042", 17, 1_763_769_600_000, 19.7, 40.25, 88.0);
    private Utf8JsonWriter _writer = null!;
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup()
    {
        _json = _buffer[..TelemetryPayload.Write(_buffer, _deviceId, 17, 1_763_769_600_000)];
        _writer = new Utf8JsonWriter(_output);
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("Serialise")]
    public int SerialiseHarnessWriter() => TelemetryPayload.Write(_buffer, _deviceId, 17, 1_763_769_600_000);

    [Benchmark, BenchmarkCategory("Serialise")]
    public int SerialiseSystemTextJson()
    {
        _output.ResetWrittenCount();
        _writer.Reset();
        JsonSerializer.Serialize(_writer, _document, MicroJsonContext.Default.TelemetryDocument);
        return _output.WrittenCount;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Parse")]
    public long ParseBackendReader() => TelemetryParser.Parse(_json, _deviceIdChars).Seq.SafeInteger ?? -1;

    [Benchmark, BenchmarkCategory("Parse")]
    public long ParseSystemTextJson() => JsonSerializer.Deserialize(_json, MicroJsonContext.Default.TelemetryDocument)!.Seq;
}
