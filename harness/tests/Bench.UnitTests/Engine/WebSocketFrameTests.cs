using System.Net.WebSockets;
using Bench.Load.Clients.WebSockets;

namespace Bench.UnitTests.Engine;

public sealed class WebSocketFrameTests
{
    private const uint MaskKey = 0x37FA213D;

    [Fact]
    public void A_short_text_frame_is_final_masked_and_carries_a_7_bit_length()
    {
        // RFC 6455 §5.7: a masked "Hello" with key 37 fa 21 3d.
        byte[] frame = new byte[WebSocketFrameWriter.GetLength(5)];

        int length = WebSocketFrameWriter.Write(frame, WebSocketOpcode.Text, "Hello"u8, MaskKey);

        Assert.Equal(11, length);
        Assert.Equal(new byte[] { 0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58 }, frame);
    }

    [Fact]
    public void A_payload_of_126_bytes_or_more_takes_the_16_bit_length()
    {
        byte[] payload = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        byte[] frame = new byte[WebSocketFrameWriter.GetLength(payload.Length)];

        int length = WebSocketFrameWriter.Write(frame, WebSocketOpcode.Text, payload, MaskKey);

        Assert.Equal(4 + 4 + 300, length);
        Assert.Equal(new byte[] { 0x81, 0x80 | 126, 0x01, 0x2C, 0x37, 0xfa, 0x21, 0x3d }, frame[..8]);
        byte[] unmasked = new byte[300];
        WebSocketFrameWriter.Mask(frame.AsSpan(8), frame.AsSpan(4, 4), unmasked);
        Assert.Equal(payload, unmasked);
    }

    [Fact]
    public void Masking_twice_restores_the_payload()
    {
        byte[] payload = "{\"deviceId\":\"dev-1\",\"seq\":1}"u8.ToArray();
        byte[] key = [0xAA, 0x01, 0x7F, 0x80];
        byte[] masked = new byte[payload.Length];
        byte[] restored = new byte[payload.Length];

        WebSocketFrameWriter.Mask(payload, key, masked);
        WebSocketFrameWriter.Mask(masked, key, restored);

        Assert.NotEqual(payload, masked);
        Assert.Equal(payload, restored);
    }

    [Fact]
    public void A_payload_of_64_KiB_or_more_is_refused()
    {
        Assert.Equal(4 + 4 + 65_535, WebSocketFrameWriter.GetLength(65_535));
        Assert.Throws<ArgumentOutOfRangeException>(() => WebSocketFrameWriter.GetLength(65_536));
    }

    [Fact]
    public void An_unmasked_server_text_frame_is_read_whole()
    {
        byte[] bytes = [0x81, 0x05, .. "Hello"u8, 0x89];

        Assert.True(WebSocketFrameReader.TryRead(bytes, out var frame, out _));

        Assert.True(frame.IsFinal);
        Assert.Equal(WebSocketOpcode.Text, frame.Opcode);
        Assert.Equal("Hello"u8.ToArray(), frame.Payload.ToArray());
        Assert.Equal(7, frame.TotalLength);
    }

    [Fact]
    public void A_partial_frame_says_how_many_bytes_it_needs()
    {
        byte[] payload = new byte[200];
        byte[] bytes = [0x81, 126, 0x00, 200, .. payload];

        Assert.False(WebSocketFrameReader.TryRead(bytes.AsSpan(0, 1), out _, out int required));
        Assert.Equal(2, required);
        Assert.False(WebSocketFrameReader.TryRead(bytes.AsSpan(0, 3), out _, out required));
        Assert.Equal(4, required);
        Assert.False(WebSocketFrameReader.TryRead(bytes.AsSpan(0, 100), out _, out required));
        Assert.Equal(204, required);
        Assert.True(WebSocketFrameReader.TryRead(bytes, out var frame, out _));
        Assert.Equal(200, frame.Payload.Length);
    }

    [Theory]
    [InlineData(new byte[] { 0x81, 0x85, 1, 2, 3, 4, 0 }, "masked")]
    [InlineData(new byte[] { 0xC1, 0x00 }, "reserved bits")]
    [InlineData(new byte[] { 0x83, 0x00 }, "reserved opcode")]
    [InlineData(new byte[] { 0x09, 0x00 }, "fragmented control")]
    [InlineData(new byte[] { 0x89, 126, 0x00, 126 }, "oversized control")]
    [InlineData(new byte[] { 0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0 }, "64-bit length")]
    public void A_frame_that_breaks_the_protocol_is_refused(byte[] bytes, string why)
    {
        var e = Assert.Throws<WebSocketException>(() => WebSocketFrameReader.TryRead(bytes, out _, out _));
        Assert.False(string.IsNullOrEmpty(e.Message), why);
    }
}
