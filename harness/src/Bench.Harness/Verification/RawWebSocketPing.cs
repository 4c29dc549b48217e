using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Bench.Harness.Verification;

/// <summary>
/// Sends a WebSocket PING by hand and waits for the PONG. ClientWebSocket cannot send a ping on demand, and its
/// keepalive only sees a pong while a receive is pending, so the check speaks the frame format (RFC 6455 §5.5.2) itself.
/// </summary>
internal static class RawWebSocketPing
{
    public static async Task<string?> PingAsync(int port, string query, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, timeout.Token).ConfigureAwait(false);
        var stream = client.GetStream();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var upgrade = $"GET /ws{query} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(upgrade), timeout.Token).ConfigureAwait(false);
        var head = await ReadHeadAsync(stream, timeout.Token).ConfigureAwait(false);
        if (!head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            return $"upgrade answered '{head.Split('\r')[0]}'";
        }

        var payload = "bench-ping"u8.ToArray();
        var mask = RandomNumberGenerator.GetBytes(4);
        var frame = new byte[2 + 4 + payload.Length];
        frame[0] = 0x89; // FIN + PING
        frame[1] = (byte)(0x80 | payload.Length); // client frames are masked
        mask.CopyTo(frame, 2);
        for (var i = 0; i < payload.Length; i++)
        {
            frame[6 + i] = (byte)(payload[i] ^ mask[i % 4]);
        }

        await stream.WriteAsync(frame, timeout.Token).ConfigureAwait(false);
        var reply = new byte[2 + payload.Length];
        await stream.ReadExactlyAsync(reply, timeout.Token).ConfigureAwait(false);
        return reply[0] == 0x8A && reply[1] == payload.Length && reply.AsSpan(2).SequenceEqual(payload)
            ? null
            : $"expected PONG 'bench-ping', got bytes {Convert.ToHexString(reply)}";
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 8192)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                break;
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}
