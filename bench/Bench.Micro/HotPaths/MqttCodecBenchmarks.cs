using System.Text;
using Bench.Load.Clients;
using Bench.Mqtt;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Bench.Micro.HotPaths;

/// <summary>MQTT 3.1.1 PUBLISH of one telemetry reading at QoS 1 (methodology §7): encode as a device does, decode as the backend does.</summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MqttCodecBenchmarks
{
    private const string Topic = "devices/dev-000042/telemetry";
    private readonly byte[] _utf8Topic = Encoding.UTF8.GetBytes(Topic);
    private readonly byte[] _buffer = new byte[512];
    private byte[] _payload = [];
    private byte[] _packet = [];

    [GlobalSetup]
    public void Setup()
    {
        var reading = new byte[TelemetryPayload.MaxLength];
        var length = TelemetryPayload.Write(reading, "dev-000042"u8, 17, 1_763_769_600_000);
        _payload = reading[..length];
        _packet = _buffer[..MqttPacketWriter.WritePublish(_buffer, _utf8Topic, _payload, MqttQos.AtLeastOnce, 7)];
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Encode")]
    public int EncodeTopicString() => MqttPacketWriter.WritePublish(_buffer, Topic, _payload, MqttQos.AtLeastOnce, 7);

    [Benchmark, BenchmarkCategory("Encode")]
    public int EncodePreEncodedTopic() => MqttPacketWriter.WritePublish(_buffer, _utf8Topic, _payload, MqttQos.AtLeastOnce, 7);

    [Benchmark(Baseline = true), BenchmarkCategory("Decode")]
    public int DecodeFrameOnly() =>
        MqttPacketReader.TryReadPacket(_packet, 65_536, out var packet, out _) ? packet.TotalLength : 0;

    [Benchmark, BenchmarkCategory("Decode")]
    public int DecodePublish()
    {
        if (!MqttPacketReader.TryReadPacket(_packet, 65_536, out var packet, out _))
            return 0;
        var publish = MqttPacketReader.ReadPublish(packet);
        return publish.Payload.Length + publish.PacketId;
    }
}
