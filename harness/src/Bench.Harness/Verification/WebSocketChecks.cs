using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Bench.Harness.Verification;

/// <summary>/ws: acks, error frames that leave the connection open, pings answered, 1009 on oversized frames, refused upgrades.</summary>
internal sealed class WebSocketChecks : IContractCheckGroup
{
    private const string Device = "verify-ws-1";
    private static readonly TimeSpan ReplyDeadline = TimeSpan.FromSeconds(5);

    public string Group => "websocket";

    public async Task<IReadOnlyList<CheckResult>> RunAsync(VerifyContext context, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        using var socket = NewSocket();
        try
        {
            await socket.ConnectAsync(Endpoint(context, "?deviceId=" + Device), cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException ex)
        {
            return [CheckResult.Fail(Group, "upgrade /ws?deviceId=…", ex.Message)];
        }

        results.Add(await ExpectAsync(socket, "valid reading → ack", Text(Reading(1)), Ack(1), cancellationToken).ConfigureAwait(false));
        foreach (var frame in context.Vectors.InvalidFrames)
        {
            var expectedSeq = frame["expectedSeq"]?.DeepClone();
            results.Add(await ExpectAsync(socket, $"invalid frame '{frame["name"]}' → error", Text(frame["raw"]!.ToString()), Error(expectedSeq), cancellationToken).ConfigureAwait(false));
        }

        var foreign = Reading(2);
        foreign["deviceId"] = "someone-else";
        results.Add(await ExpectAsync(socket, "reading for another device → error", Text(foreign.ToJsonString()), Error(2), cancellationToken).ConfigureAwait(false));
        results.Add(await ExpectAsync(socket, "binary frame → error", (Encoding.UTF8.GetBytes(Reading(3).ToJsonString()), WebSocketMessageType.Binary), Error(null), cancellationToken).ConfigureAwait(false));
        results.Add(await PingAnsweredAsync(context, cancellationToken).ConfigureAwait(false));
        results.Add(await ExpectAsync(socket, "connection stays open after errors → ack", Text(Reading(4)), Ack(4), cancellationToken).ConfigureAwait(false));
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "verify done", cancellationToken).ConfigureAwait(false);
        }

        results.Add(await OversizedFrameClosesAsync(context, cancellationToken).ConfigureAwait(false));
        results.Add(await UpgradeRefusedAsync(context, string.Empty, "missing deviceId", cancellationToken).ConfigureAwait(false));
        results.Add(await UpgradeRefusedAsync(context, "?deviceId=bad%20id", "invalid deviceId", cancellationToken).ConfigureAwait(false));
        return results;
    }

    private static ClientWebSocket NewSocket()
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // the ping check sends its own ping, by hand
        return socket;
    }

    private static Uri Endpoint(VerifyContext context, string query) =>
        new($"ws://127.0.0.1:{context.Backend.Port}/ws{query}");

    private static JsonObject Reading(int seq) => new()
    {
        ["deviceId"] = Device,
        ["seq"] = seq,
        ["ts"] = 1_763_769_600_000L + seq,
        ["temperature"] = 20 + seq,
        ["humidity"] = 40,
        ["battery"] = 80,
    };

    private static (byte[], WebSocketMessageType) Text(JsonObject reading) => Text(reading.ToJsonString());

    private static (byte[], WebSocketMessageType) Text(string raw) => (Encoding.UTF8.GetBytes(raw), WebSocketMessageType.Text);

    private static Func<JsonNode?, string?> Ack(long seq) => reply =>
        reply?["type"]?.ToString() == "ack" && JsonNumbers.Equal(reply["seq"], seq) ? null : $"expected {{type: ack, seq: {seq}}}";

    private static Func<JsonNode?, string?> Error(JsonNode? seq) => reply =>
        reply?["type"]?.ToString() == "error" && reply["error"] is not null && JsonNode.DeepEquals(reply["seq"], seq)
            ? null
            : $"expected {{type: error, error, seq: {seq?.ToJsonString() ?? "null"}}}";

    private async Task<CheckResult> ExpectAsync(
        ClientWebSocket socket, string name, (byte[] Bytes, WebSocketMessageType Type) frame, Func<JsonNode?, string?> judge, CancellationToken cancellationToken)
    {
        if (socket.State != WebSocketState.Open)
        {
            return CheckResult.Fail(Group, name, $"connection is {socket.State}");
        }

        try
        {
            await socket.SendAsync(frame.Bytes, frame.Type, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            var reply = await WebSocketFrames.ReceiveTextAsync(socket, ReplyDeadline, cancellationToken).ConfigureAwait(false);
            var problem = judge(reply.Json);
            return problem is null ? CheckResult.Pass(Group, name) : CheckResult.Fail(Group, name, $"{problem}, got {reply.Describe()}");
        }
        catch (Exception ex) when (ex is WebSocketException or TimeoutException)
        {
            return CheckResult.Fail(Group, name, ex.Message);
        }
    }

    private async Task<CheckResult> PingAnsweredAsync(VerifyContext context, CancellationToken cancellationToken)
    {
        const string name = "ping → pong with the same payload";
        try
        {
            var problem = await RawWebSocketPing.PingAsync(context.Backend.Port, "?deviceId=verify-ws-ping", ReplyDeadline, cancellationToken).ConfigureAwait(false);
            return problem is null ? CheckResult.Pass(Group, name) : CheckResult.Fail(Group, name, problem);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Fail(Group, name, $"no pong: {ex.Message}");
        }
    }

    private async Task<CheckResult> OversizedFrameClosesAsync(VerifyContext context, CancellationToken cancellationToken)
    {
        const string name = "frame over 64 KiB → close 1009";
        using var socket = NewSocket();
        await socket.ConnectAsync(Endpoint(context, "?deviceId=verify-ws-big"), cancellationToken).ConfigureAwait(false);
        var big = Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 70_000) + "\"}");
        try
        {
            await socket.SendAsync(big, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            var reply = await WebSocketFrames.ReceiveTextAsync(socket, ReplyDeadline, cancellationToken).ConfigureAwait(false);
            return reply.CloseStatus == (WebSocketCloseStatus)1009
                ? CheckResult.Pass(Group, name)
                : CheckResult.Fail(Group, name, $"expected close 1009, got {reply.Describe()}");
        }
        catch (Exception ex) when (ex is WebSocketException or TimeoutException)
        {
            return CheckResult.Fail(Group, name, $"expected close 1009, got {ex.Message}");
        }
    }

    private async Task<CheckResult> UpgradeRefusedAsync(VerifyContext context, string query, string what, CancellationToken cancellationToken)
    {
        var name = $"upgrade refused: {what}";
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(Endpoint(context, query), cancellationToken).ConfigureAwait(false);
            return CheckResult.Fail(Group, name, "the upgrade was accepted");
        }
        catch (WebSocketException)
        {
            var status = (int)socket.HttpStatusCode;
            return status is >= 400 and < 500
                ? CheckResult.Pass(Group, name)
                : CheckResult.Fail(Group, name, $"refused with HTTP {status}, expected 4xx");
        }
    }
}
