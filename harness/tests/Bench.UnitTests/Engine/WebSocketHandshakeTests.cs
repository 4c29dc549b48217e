using System.Net.WebSockets;
using System.Text;
using Bench.Load.Clients.WebSockets;

namespace Bench.UnitTests.Engine;

public sealed class WebSocketHandshakeTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";

    [Fact]
    public void The_accept_value_of_rfc_6455s_example_key_is_the_rfcs()
    {
        // RFC 6455 §1.3 (and §4.2.2's worked example).
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketHandshake.ComputeAccept(Key));
    }

    [Fact]
    public void A_fresh_key_is_16_random_bytes_in_base64()
    {
        string key = WebSocketHandshake.CreateKey();

        Assert.Equal(16, Convert.FromBase64String(key).Length);
        Assert.NotEqual(key, WebSocketHandshake.CreateKey());
    }

    [Fact]
    public void The_request_upgrades_the_path_and_query_on_the_servers_authority()
    {
        string request = Encoding.ASCII.GetString(WebSocketHandshake.CreateRequest(new Uri("ws://127.0.0.1:8080/ws?deviceId=dev-7"), Key));

        Assert.Equal(
            "GET /ws?deviceId=dev-7 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
            request);
    }

    [Fact]
    public void A_valid_101_response_is_accepted_whatever_the_header_case()
    {
        byte[] head = Response("HTTP/1.1 101 Switching Protocols", "upgrade: WebSocket", "connection: keep-alive, Upgrade", "sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");

        WebSocketHandshake.ValidateResponse(head, Key);
    }

    [Fact]
    public void The_head_ends_at_the_blank_line_and_bytes_behind_it_are_not_part_of_it()
    {
        byte[] head = Response("HTTP/1.1 101 Switching Protocols", "Upgrade: websocket");
        byte[] received = [.. head, 0x81, 0x00];

        Assert.Equal(-1, WebSocketHandshake.FindEndOfHead(received.AsSpan(0, head.Length - 1)));
        Assert.Equal(head.Length, WebSocketHandshake.FindEndOfHead(received));
    }

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")]
    [InlineData("HTTP/1.1 101 Switching Protocols", "Upgrade: h2c", "Connection: Upgrade", "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")]
    [InlineData("HTTP/1.1 101 Switching Protocols", "Upgrade: websocket", "Connection: close", "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")]
    [InlineData("HTTP/1.1 101 Switching Protocols", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("HTTP/1.1 101 Switching Protocols", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", "Sec-WebSocket-Extensions: permessage-deflate")]
    public void A_refused_or_wrong_upgrade_response_fails_the_connection(params string[] lines)
    {
        Assert.Throws<WebSocketException>(() => WebSocketHandshake.ValidateResponse(Response(lines), Key));
    }

    private static byte[] Response(params string[] lines) => Encoding.ASCII.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n");
}
