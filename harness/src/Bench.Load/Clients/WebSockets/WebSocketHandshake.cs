using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace Bench.Load.Clients.WebSockets;

/// <summary>The client side of the opening handshake (RFC 6455 §4.1): the HTTP/1.1 upgrade request and the checks
/// on the server's 101 answer. No subprotocol and no extension is offered, so the server must confirm none.</summary>
internal static class WebSocketHandshake
{
    /// <summary>The largest response head read; the backends answer with about 150 bytes.</summary>
    public const int MaxResponseLength = 4096;

    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>A fresh Sec-WebSocket-Key: 16 random bytes, base64 (§4.1).</summary>
    public static string CreateKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    /// <summary>The Sec-WebSocket-Accept a server must answer <paramref name="key"/> with (§4.2.2).</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 6455 §4.2.2 defines the accept value with SHA-1; it proves the server read the key, it protects nothing.")]
    public static string ComputeAccept(string key) => Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));

    /// <summary>The upgrade request for <paramref name="uri"/> (ws://host:port/path?query).</summary>
    public static byte[] CreateRequest(Uri uri, string key) => Encoding.ASCII.GetBytes(
        $"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n");

    /// <summary>The length of the response head (up to and including the blank line), or −1 while incomplete.</summary>
    public static int FindEndOfHead(ReadOnlySpan<byte> received)
    {
        int index = received.IndexOf("\r\n\r\n"u8);
        return index < 0 ? -1 : index + 4;
    }

    /// <summary>Checks a response head against §4.1's rules for the client; throws <see cref="WebSocketException"/>
    /// when the server refused the upgrade or answered it wrongly.</summary>
    public static void ValidateResponse(ReadOnlySpan<byte> head, string key)
    {
        string[] lines = Encoding.Latin1.GetString(head).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string[] status = lines.Length > 0 ? lines[0].Split(' ', 3) : [];
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || status[1] != "101")
        {
            throw new WebSocketException(WebSocketError.NotAWebSocket, $"The server refused the upgrade: '{(lines.Length > 0 ? lines[0] : "")}'.");
        }

        string? upgrade = null, connection = null, accept = null;
        foreach (string line in lines.AsSpan(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string name = colon > 0 ? line[..colon].Trim() : throw Invalid($"malformed header line '{line}'");
            string value = line[(colon + 1)..].Trim();
            switch (name.ToUpperInvariant())
            {
                case "UPGRADE": upgrade = value; break;
                case "CONNECTION": connection = value; break;
                case "SEC-WEBSOCKET-ACCEPT": accept = value; break;
                case "SEC-WEBSOCKET-EXTENSIONS" or "SEC-WEBSOCKET-PROTOCOL": throw Invalid($"{name} was not offered");
            }
        }

        if (!string.Equals(upgrade, "websocket", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid("Upgrade is not 'websocket'");
        }

        if (connection is null || !connection.Split(',', StringSplitOptions.TrimEntries).Contains("upgrade", StringComparer.OrdinalIgnoreCase))
        {
            throw Invalid("Connection does not contain 'Upgrade'");
        }

        if (accept != ComputeAccept(key))
        {
            throw Invalid("Sec-WebSocket-Accept does not match the key");
        }
    }

    private static WebSocketException Invalid(string reason) =>
        new(WebSocketError.HeaderError, $"The server's upgrade response is invalid: {reason}.");
}
