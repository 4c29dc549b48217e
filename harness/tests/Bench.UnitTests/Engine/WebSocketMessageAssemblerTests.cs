using System.Net.WebSockets;
using Bench.Load.Clients.WebSockets;

namespace Bench.UnitTests.Engine;

public sealed class WebSocketMessageAssemblerTests
{
    private readonly WebSocketMessageAssembler _assembler = new();
    private readonly Messages _messages = new();

    [Fact]
    public void A_message_in_one_frame_is_handed_over_as_it_is()
    {
        Add(0x81, "{\"type\":\"ack\",\"seq\":1}");

        Assert.Equal(["{\"type\":\"ack\",\"seq\":1}"], _messages.Received);
        Assert.False(_assembler.InProgress);
    }

    [Fact]
    public void A_fragmented_message_is_handed_over_once_whole()
    {
        Add(0x01, "{\"type\":");
        Add(0x00, "\"ack\",");
        Assert.Empty(_messages.Received);
        Assert.True(_assembler.InProgress);

        Add(0x80, "\"seq\":2}");

        Assert.Equal(["{\"type\":\"ack\",\"seq\":2}"], _messages.Received);
        Assert.False(_assembler.InProgress);
    }

    [Fact]
    public void A_fragmented_message_larger_than_the_first_buffer_is_joined_byte_for_byte()
    {
        string first = new('a', 300), second = new('b', 700);

        Add(0x01, first);
        Add(0x80, second);

        Assert.Equal([first + second], _messages.Received);
    }

    [Fact]
    public void A_continuation_without_a_started_message_breaks_the_protocol()
    {
        Assert.Throws<WebSocketException>(() => Add(0x80, "x"));
    }

    [Fact]
    public void A_new_message_before_the_last_one_ended_breaks_the_protocol()
    {
        Add(0x01, "{");

        Assert.Throws<WebSocketException>(() => Add(0x81, "{}"));
    }

    [Fact]
    public void Frames_split_across_reads_are_framed_once_their_bytes_are_all_there()
    {
        // Two fragments of one message arrive in three reads, cut inside the second frame's header.
        byte[] bytes = [0x01, 0x03, .. "abc"u8, 0x80, 0x02, .. "de"u8];
        var received = new List<byte>();
        int consumed = 0;
        foreach (int end in new[] { 3, 6, bytes.Length })
        {
            while (WebSocketFrameReader.TryRead(bytes.AsSpan(consumed, end - consumed), out var frame, out _))
            {
                _assembler.Add(frame, _messages);
                consumed += frame.TotalLength;
            }
        }

        Assert.Equal(bytes.Length, consumed);
        Assert.Equal(["abcde"], _messages.Received);
    }

    private void Add(byte first, string payload)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(payload);
        byte[] bytes = [first, 126, (byte)(utf8.Length >> 8), (byte)utf8.Length, .. utf8];
        Assert.True(WebSocketFrameReader.TryRead(bytes, out var frame, out _));
        _assembler.Add(frame, _messages);
    }

    private sealed class Messages : IWebSocketHandler
    {
        public List<string> Received { get; } = [];

        public void OnMessage(ReadOnlySpan<byte> payload) => Received.Add(System.Text.Encoding.UTF8.GetString(payload));

        public void OnClosed()
        {
        }
    }
}
