using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Bench.Backend.Tests.Support;

namespace Bench.Backend.Tests.EndToEnd;

[Collection(BackendProcessCollection.Name)]
public class WebSocketTests(BackendFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Acks_valid_frames_and_answers_each_invalid_frame_with_its_seq_staying_open()
    {
        var deviceId = ContractVectors.Telemetry.GetProperty("frameDeviceId").GetString()!;
        using var socket = await ConnectAsync(deviceId);

        foreach (var frame in ContractVectors.Telemetry.GetProperty("invalidFrames").EnumerateArray())
        {
            var reply = await ExchangeAsync(socket, frame.GetProperty("raw").GetString()!);
            Assert.Equal("error", reply.GetProperty("type").GetString());
            Assert.False(string.IsNullOrEmpty(reply.GetProperty("error").GetString()));
            Assert.Equal(frame.GetProperty("expectedSeq").GetRawText(), reply.GetProperty("seq").GetRawText());
        }

        var ack = await ExchangeAsync(socket, Reading(deviceId, 12));
        Assert.Equal("""{"type":"ack","seq":12}""", ack.GetRawText());
    }

    [Fact]
    public async Task Answers_a_binary_frame_with_an_error_and_stays_open()
    {
        using var socket = await ConnectAsync("ws-binary");
        using var timeout = new CancellationTokenSource(Deadline);

        await socket.SendAsync(Encoding.UTF8.GetBytes(Reading("ws-binary", 1)), WebSocketMessageType.Binary, true, timeout.Token);
        var error = await ReceiveJsonAsync(socket);

        Assert.Equal(("error", JsonValueKind.Null), (error.GetProperty("type").GetString(), error.GetProperty("seq").ValueKind));
        Assert.Equal(2, (await ExchangeAsync(socket, Reading("ws-binary", 2))).GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task Closes_with_1009_when_a_frame_exceeds_64_KiB()
    {
        using var socket = await ConnectAsync("ws-big");
        using var timeout = new CancellationTokenSource(Deadline);
        var oversized = Encoding.UTF8.GetBytes(Reading("ws-big", 1).Replace("}", $",\"pad\":\"{new string('x', 70_000)}\"}}", StringComparison.Ordinal));

        await socket.SendAsync(oversized, WebSocketMessageType.Text, true, timeout.Token);
        var result = await socket.ReceiveAsync(new byte[256], timeout.Token);

        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, result.CloseStatus);
    }

    [Fact]
    public async Task Accepts_a_frame_of_exactly_64_KiB_sent_in_fragments()
    {
        using var socket = await ConnectAsync("ws-frag");
        using var timeout = new CancellationTokenSource(Deadline);
        var reading = Reading("ws-frag", 3);
        var padded = Encoding.UTF8.GetBytes(reading.Replace("}", $",\"pad\":\"{new string('x', 65_536 - reading.Length - 9)}\"}}", StringComparison.Ordinal));
        Assert.Equal(65_536, padded.Length);

        for (var offset = 0; offset < padded.Length; offset += 10_000)
        {
            var chunk = padded.AsMemory(offset, Math.Min(10_000, padded.Length - offset));
            await socket.SendAsync(chunk, WebSocketMessageType.Text, offset + chunk.Length == padded.Length, timeout.Token);
        }

        Assert.Equal(3, (await ReceiveJsonAsync(socket)).GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task Answers_keep_alive_pings()
    {
        // With a keep-alive timeout the client pings and aborts the connection if no pong comes back.
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromMilliseconds(50);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(1);
        using var timeout = new CancellationTokenSource(Deadline);
        await socket.ConnectAsync(fixture.Backend.WebSocketUri("/ws?deviceId=ws-ping"), timeout.Token);
        var pending = ReceiveJsonAsync(socket);

        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes(Reading("ws-ping", 5)), WebSocketMessageType.Text, true, timeout.Token);

        Assert.Equal(5, (await pending).GetProperty("seq").GetInt64());
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Theory]
    [InlineData("/ws")]
    [InlineData("/ws?deviceId=")]
    [InlineData("/ws?deviceId=bad%20id")]
    public async Task Refuses_the_upgrade_without_a_valid_device_id(string pathAndQuery)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        using var timeout = new CancellationTokenSource(Deadline);

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(fixture.Backend.WebSocketUri(pathAndQuery), timeout.Token));

        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Counts_open_connections_in_stats()
    {
        using (var socket = await ConnectAsync("ws-stats"))
        {
            Assert.True(await OpenWebSocketsAsync() >= 1);
            using var timeout = new CancellationTokenSource(Deadline);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }

        // The server counts the close after the handshake completes; poll, bounded, until it has.
        var deadline = DateTime.UtcNow + Deadline;
        while (await OpenWebSocketsAsync() != 0 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(0, await OpenWebSocketsAsync());
    }

    private async Task<int> OpenWebSocketsAsync()
    {
        var stats = await fixture.Http.GetStringAsync(new Uri("stats", UriKind.Relative));
        using var document = JsonDocument.Parse(stats);
        return document.RootElement.GetProperty("openWebSockets").GetInt32();
    }

    private async Task<ClientWebSocket> ConnectAsync(string deviceId)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(Deadline);
        await socket.ConnectAsync(fixture.Backend.WebSocketUri($"/ws?deviceId={deviceId}"), timeout.Token);
        return socket;
    }

    private static string Reading(string deviceId, long seq) =>
        $$"""{"deviceId":"{{deviceId}}","seq":{{seq}},"ts":1763769600000,"temperature":20.5,"humidity":50,"battery":90}""";

    private static async Task<JsonElement> ExchangeAsync(ClientWebSocket socket, string text)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
        return await ReceiveJsonAsync(socket);
    }

    private static async Task<JsonElement> ReceiveJsonAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        Assert.Equal((WebSocketMessageType.Text, true), (result.MessageType, result.EndOfMessage));
        using var document = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
        return document.RootElement.Clone();
    }
}
