using Bench.Mqtt;

namespace Bench.UnitTests.Mqtt;

public sealed class MqttPacketReaderTests
{
    private const int MaxPacket = 1024 * 1024;

    [Fact]
    public void Decodes_connack_with_session_present_and_return_code()
    {
        var connAck = ReadSingle([0x20, 2, 0x01, 0x05], static p => MqttPacketReader.ReadConnAck(p));

        Assert.Equal(new MqttConnAck(true, MqttConnectReturnCode.NotAuthorized), connAck);
    }

    [Theory]
    [InlineData(new byte[] { 0x20, 3, 0, 0, 0 })]
    [InlineData(new byte[] { 0x20, 2, 0x02, 0 })]
    public void Rejects_malformed_connack(byte[] frame) =>
        Assert.Throws<MqttProtocolException>(() => ReadSingle(frame, static p => MqttPacketReader.ReadConnAck(p)));

    [Fact]
    public void Decodes_suback_packet_id_and_codes()
    {
        var (id, codes) = ReadSingle([0x90, 4, 0x00, 0x07, 0x01, 0x80], static p =>
        {
            var subAck = MqttPacketReader.ReadSubAck(p);
            return (subAck.PacketId, subAck.ReturnCodes.ToArray());
        });

        Assert.Equal(7, id);
        Assert.Equal(new byte[] { 0x01, MqttSubAck.Failure }, codes);
    }

    [Fact]
    public void Rejects_suback_with_reserved_code() =>
        Assert.Throws<MqttProtocolException>(() => ReadSingle([0x90, 3, 0, 1, 0x03], static p => MqttPacketReader.ReadSubAck(p).PacketId));

    [Theory]
    [InlineData(new byte[] { 0x40, 2, 0x12, 0x34 })]
    [InlineData(new byte[] { 0x40, 3, 0x12, 0x34, 0x00 })]
    public void Decodes_puback_identifier_also_with_an_mqtt5_reason_code(byte[] frame) =>
        Assert.Equal(0x1234, ReadSingle(frame, static p => MqttPacketReader.ReadPubAck(p)));

    [Theory]
    [InlineData(new byte[] { 0x40, 1, 0x12 })]
    [InlineData(new byte[] { 0x40, 2, 0x00, 0x00 })]
    public void Rejects_puback_without_a_valid_identifier(byte[] frame) =>
        Assert.Throws<MqttProtocolException>(() => ReadSingle(frame, static p => MqttPacketReader.ReadPubAck(p)));

    [Fact]
    public void Decodes_pingresp_and_rejects_one_with_a_body()
    {
        ReadSingle([0xD0, 0], static p => { MqttPacketReader.ReadPingResp(p); return 0; });

        Assert.Throws<MqttProtocolException>(() => ReadSingle([0xD0, 1, 0], static p => { MqttPacketReader.ReadPingResp(p); return 0; }));
    }

    [Fact]
    public void Decodes_qos0_and_qos1_publish_with_flags()
    {
        var qos0 = ReadSingle([0x31, 5, 0, 1, (byte)'t', (byte)'h', (byte)'i'], static p =>
        {
            var publish = MqttPacketReader.ReadPublish(p);
            return (publish.Qos, publish.PacketId, publish.Retain, Payload: publish.Payload.ToArray());
        });
        var qos1 = ReadSingle([0x3A, 5, 0, 1, (byte)'t', 0, 9], static p =>
        {
            var publish = MqttPacketReader.ReadPublish(p);
            return (publish.Qos, publish.PacketId, publish.Duplicate, publish.Payload.Length);
        });

        Assert.Equal((MqttQos.AtMostOnce, (ushort)0, true), (qos0.Qos, qos0.PacketId, qos0.Retain));
        Assert.Equal("hi"u8.ToArray(), qos0.Payload);
        Assert.Equal((MqttQos.AtLeastOnce, (ushort)9, true, 0), qos1);
    }

    [Theory]
    [InlineData(new byte[] { 0x30, 1, 0 })]
    [InlineData(new byte[] { 0x30, 2, 0, 0 })]
    [InlineData(new byte[] { 0x30, 3, 0, 5, (byte)'t' })]
    [InlineData(new byte[] { 0x32, 3, 0, 1, (byte)'t' })]
    public void Rejects_publish_whose_fields_run_past_the_packet(byte[] frame) =>
        Assert.Throws<MqttProtocolException>(() => ReadSingle(frame, static p => MqttPacketReader.ReadPublish(p).PacketId));

    [Theory]
    [InlineData(new byte[] { 0x00, 0 })]
    [InlineData(new byte[] { 0xF0, 0 })]
    [InlineData(new byte[] { 0x36, 0 })]
    [InlineData(new byte[] { 0x21, 2, 0, 0 })]
    [InlineData(new byte[] { 0x80, 0 })]
    [InlineData(new byte[] { 0xD0, 0xFF, 0xFF, 0xFF, 0xFF })]
    public void Rejects_malformed_fixed_headers(byte[] frame) =>
        Assert.Throws<MqttProtocolException>(() => MqttPacketReader.TryReadPacket(frame, MaxPacket, out _, out _));

    [Fact]
    public void Rejects_a_remaining_length_over_the_configured_limit_before_it_arrives() =>
        Assert.Throws<MqttProtocolException>(() => MqttPacketReader.TryReadPacket([0x30, 0xFF, 0xFF, 0xFF, 0x7F], 4096, out _, out _));

    [Fact]
    public void Reports_the_length_it_needs_for_a_partial_packet()
    {
        byte[] header = [0x30, 0x80, 0x01];

        var complete = MqttPacketReader.TryReadPacket(header, MaxPacket, out _, out var required);

        Assert.False(complete);
        Assert.Equal(3 + 128, required);
    }

    [Fact]
    public void Frames_packets_split_at_every_possible_byte()
    {
        byte[] stream =
        [
            0x20, 2, 0, 0,
            0x32, 0x80, 0x01, 0, 1, (byte)'t', 0, 1, .. new byte[123],
            0xD0, 0,
            0x40, 2, 0, 1,
        ];
        for (var split = 0; split <= stream.Length; split++)
        {
            var framer = new TestFramer();
            framer.Append(stream.AsSpan(0, split));
            framer.Append(stream.AsSpan(split));

            Assert.Equal([MqttPacketType.ConnAck, MqttPacketType.Publish, MqttPacketType.PingResp, MqttPacketType.PubAck], framer.Types);
            Assert.Equal(0, framer.Buffered);
        }
    }

    private static T ReadSingle<T>(byte[] frame, Func<MqttPacket, T> decode) =>
        MqttPacketReader.TryReadPacket(frame, MaxPacket, out var packet, out _) && packet.TotalLength == frame.Length
            ? decode(packet)
            : throw new InvalidOperationException("test frame is incomplete");

    /// <summary>Accumulates reads the way a client's receive loop does and frames whatever is complete.</summary>
    private sealed class TestFramer
    {
        private readonly List<byte> _buffer = [];

        public List<MqttPacketType> Types { get; } = [];

        public int Buffered => _buffer.Count;

        public void Append(ReadOnlySpan<byte> bytes)
        {
            _buffer.AddRange(bytes);
            var data = _buffer.ToArray();
            var consumed = 0;
            while (MqttPacketReader.TryReadPacket(data.AsSpan(consumed), MaxPacket, out var packet, out _))
            {
                Types.Add(packet.Type);
                consumed += packet.TotalLength;
            }
            _buffer.RemoveRange(0, consumed);
        }
    }
}
