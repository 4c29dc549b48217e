using Bench.Mqtt;

namespace Bench.UnitTests.Mqtt;

public sealed class MqttPacketWriterTests
{
    [Fact]
    public void Connect_carries_protocol_level_4_flags_keepalive_and_client_id()
    {
        var options = new MqttClientOptions("127.0.0.1", 1883, "dev1") { KeepAliveSeconds = 30 };
        var buffer = new byte[MqttPacketWriter.GetConnectLength(options)];

        var written = MqttPacketWriter.WriteConnect(buffer, options);

        byte[] expected = [0x10, 16, 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0x02, 0, 30, 0, 4, (byte)'d', (byte)'e', (byte)'v', (byte)'1'];
        Assert.Equal(expected, buffer[..written]);
        Assert.Equal(buffer.Length, written);
    }

    [Fact]
    public void Connect_without_clean_session_clears_the_flag()
    {
        var options = new MqttClientOptions("h", 1, "c") { CleanSession = false, KeepAliveSeconds = 0 };
        var buffer = new byte[MqttPacketWriter.GetConnectLength(options)];

        MqttPacketWriter.WriteConnect(buffer, options);

        Assert.Equal(0x00, buffer[9]);
    }

    [Fact]
    public void Subscribe_uses_flags_0010_and_the_requested_qos()
    {
        var buffer = new byte[MqttPacketWriter.GetSubscribeLength("a/+")];

        var written = MqttPacketWriter.WriteSubscribe(buffer, 10, "a/+", MqttQos.AtLeastOnce);

        Assert.Equal(new byte[] { 0x82, 8, 0, 10, 0, 3, (byte)'a', (byte)'/', (byte)'+', 1 }, buffer[..written]);
    }

    [Fact]
    public void Qos0_publish_has_no_packet_identifier()
    {
        var buffer = new byte[MqttPacketWriter.GetPublishLength(3, 2, MqttQos.AtMostOnce)];

        var written = MqttPacketWriter.WritePublish(buffer, "a/b", "hi"u8, MqttQos.AtMostOnce, 0);

        Assert.Equal(new byte[] { 0x30, 7, 0, 3, (byte)'a', (byte)'/', (byte)'b', (byte)'h', (byte)'i' }, buffer[..written]);
    }

    [Fact]
    public void Qos1_publish_carries_its_packet_identifier_and_round_trips_through_the_reader()
    {
        var payload = new byte[200];
        Array.Fill(payload, (byte)7);
        var buffer = new byte[MqttPacketWriter.GetPublishLength(5, payload.Length, MqttQos.AtLeastOnce)];

        var written = MqttPacketWriter.WritePublish(buffer, "topic"u8, payload, MqttQos.AtLeastOnce, 0x1234);
        Assert.True(MqttPacketReader.TryReadPacket(buffer.AsSpan(0, written), 1024, out var packet, out _));
        var publish = MqttPacketReader.ReadPublish(packet);

        Assert.Equal(0x32, buffer[0]);
        Assert.Equal(written, buffer.Length);
        Assert.Equal("topic"u8.ToArray(), publish.Utf8Topic.ToArray());
        Assert.Equal(MqttQos.AtLeastOnce, publish.Qos);
        Assert.Equal(0x1234, publish.PacketId);
        Assert.Equal(payload, publish.Payload.ToArray());
    }

    [Fact]
    public void Fixed_packets_have_their_spec_bytes()
    {
        var pubAck = new byte[MqttPacketWriter.PubAckLength];

        MqttPacketWriter.WritePubAck(pubAck, 0x0102);

        Assert.Equal(new byte[] { 0x40, 2, 1, 2 }, pubAck);
        Assert.Equal(new byte[] { 0xC0, 0 }, MqttPacketWriter.PingReq.ToArray());
        Assert.Equal(new byte[] { 0xE0, 0 }, MqttPacketWriter.Disconnect.ToArray());
    }

    [Fact]
    public void Refuses_packet_identifier_zero_and_short_destinations()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MqttPacketWriter.WritePubAck(new byte[4], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MqttPacketWriter.WritePublish(new byte[16], "t", [], MqttQos.AtLeastOnce, 0));
        Assert.Throws<ArgumentException>(() => MqttPacketWriter.WritePublish(new byte[4], "topic", [], MqttQos.AtMostOnce, 0));
    }

    [Fact]
    public void Subscribe_refuses_a_malformed_filter() =>
        Assert.Throws<ArgumentException>(() => MqttPacketWriter.WriteSubscribe(new byte[64], 1, "a/#/b", MqttQos.AtMostOnce));
}
