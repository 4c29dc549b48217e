using Bench.Mqtt;

namespace Bench.UnitTests.Mqtt;

public sealed class MqttVariableByteIntegerTests
{
    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
    [InlineData(16_384, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(2_097_151, new byte[] { 0xFF, 0xFF, 0x7F })]
    [InlineData(2_097_152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
    [InlineData(268_435_455, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
    public void Encodes_and_decodes_the_spec_boundaries_in_minimum_bytes(int value, byte[] encoded)
    {
        var buffer = new byte[4];

        var written = MqttVariableByteInteger.Write(buffer, value);
        var complete = MqttVariableByteInteger.TryRead(encoded, out var decoded, out var read);

        Assert.Equal(encoded, buffer[..written]);
        Assert.Equal(encoded.Length, MqttVariableByteInteger.GetLength(value));
        Assert.True(complete);
        Assert.Equal(value, decoded);
        Assert.Equal(encoded.Length, read);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(268_435_456)]
    public void Refuses_values_outside_the_encodable_range(int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MqttVariableByteInteger.Write(new byte[8], value));

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF })]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x01 })]
    public void Rejects_more_than_four_bytes(byte[] encoded) =>
        Assert.Throws<MqttProtocolException>(() => MqttVariableByteInteger.TryRead(encoded, out _, out _));

    [Theory]
    [InlineData(new byte[] { 0x80, 0x00 })]
    [InlineData(new byte[] { 0xFF, 0x80, 0x00 })]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x00 })]
    public void Rejects_encodings_that_are_not_minimal(byte[] encoded) =>
        Assert.Throws<MqttProtocolException>(() => MqttVariableByteInteger.TryRead(encoded, out _, out _));

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF })]
    public void Asks_for_more_bytes_when_the_encoding_is_cut_short(byte[] encoded)
    {
        var complete = MqttVariableByteInteger.TryRead(encoded, out _, out var read);

        Assert.False(complete);
        Assert.Equal(0, read);
    }
}
