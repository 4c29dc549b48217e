using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Bench.IntegrationTests.Load;

/// <summary>
/// A WebSocket server written frame by frame, so a test can exercise what the backends rarely do: it sends a ping in
/// the same write as its 101 response, answers every reading with an ack split over two fragments with a ping between
/// them, and counts the pongs and close frames the clients send back.
/// </summary>
internal sealed class ScriptedWebSocketServer : IAsyncDisposable
{
    private static readonly byte[] Ping = [0x89, 0x04, .. "ping"u8];

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private int _pongs;
    private int _closeFrames;

    private ScriptedWebSocketServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Pongs carrying the ping's payload.</summary>
    public int Pongs => Volatile.Read(ref _pongs);

    public int CloseFrames => Volatile.Read(ref _closeFrames);

    public static ScriptedWebSocketServer Start() => new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] connections;
        lock (_connections)
        {
            connections = [_accepting, .. _connections];
        }

        await Task.WhenAll(connections).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_connections)
            {
                _connections.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        string key = ReadKey(await ReadHeadAsync(stream));
        string accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        byte[] response = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n");
        await stream.WriteAsync((byte[])[.. response, .. Ping], _stop.Token);
        while (true)
        {
            var (opcode, payload) = await ReadClientFrameAsync(stream);
            switch (opcode)
            {
                case 0x1:
                    await stream.WriteAsync(FragmentedAck(payload), _stop.Token);
                    break;
                case 0xA when payload.AsSpan().SequenceEqual("ping"u8):
                    Interlocked.Increment(ref _pongs);
                    break;
                case 0x8:
                    Interlocked.Increment(ref _closeFrames);
                    await stream.WriteAsync((byte[])[0x88, 0x02, 0x03, 0xE8], _stop.Token);
                    return;
            }
        }
    }

    private static byte[] FragmentedAck(byte[] reading)
    {
        using var json = JsonDocument.Parse(reading);
        byte[] first = "{\"type\":\"ack\","u8.ToArray();
        byte[] second = Encoding.ASCII.GetBytes($"\"seq\":{json.RootElement.GetProperty("seq").GetInt64()}}}");
        return [0x01, (byte)first.Length, .. first, .. Ping, 0x80, (byte)second.Length, .. second];
    }

    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        byte[] one = new byte[1];
        while (head.Count < 4 || !head[^4..].SequenceEqual("\r\n\r\n"u8.ToArray()))
        {
            await stream.ReadExactlyAsync(one, _stop.Token);
            head.Add(one[0]);
        }

        return Encoding.ASCII.GetString(head.ToArray());
    }

    private static string ReadKey(string head) =>
        head.Split("\r\n").Single(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))["Sec-WebSocket-Key:".Length..].Trim();

    /// <summary>Reads one client frame, which RFC 6455 §5.1 requires to be masked, and unmasks it.</summary>
    private async Task<(int Opcode, byte[] Payload)> ReadClientFrameAsync(NetworkStream stream)
    {
        byte[] header = new byte[2];
        await stream.ReadExactlyAsync(header, _stop.Token);
        if ((header[1] & 0x80) == 0)
        {
            throw new InvalidDataException("A client frame was not masked.");
        }

        int length = header[1] & 0x7F;
        if (length == 126)
        {
            byte[] extended = new byte[2];
            await stream.ReadExactlyAsync(extended, _stop.Token);
            length = (extended[0] << 8) | extended[1];
        }

        byte[] mask = new byte[4];
        await stream.ReadExactlyAsync(mask, _stop.Token);
        byte[] payload = new byte[length];
        await stream.ReadExactlyAsync(payload, _stop.Token);
        for (int i = 0; i < payload.Length; i++)
        {
            payload[i] ^= mask[i & 3];
        }

        return (header[0] & 0x0F, payload);
    }
}
