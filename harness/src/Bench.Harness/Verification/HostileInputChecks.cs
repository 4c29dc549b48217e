using System.Net.Sockets;
using System.Text;

namespace Bench.Harness.Verification;

/// <summary>Broken and abusive input over raw TCP; afterwards the backend must still answer /health.</summary>
internal sealed class HostileInputChecks : IContractCheckGroup
{
    private static readonly (string Name, byte[] Bytes)[] Payloads =
    [
        ("binary garbage", [0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a, 0xde, 0xad]),
        ("truncated body", Encoding.ASCII.GetBytes("POST /telemetry HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"deviceId\":\"d")),
        ("bad chunked encoding", Encoding.ASCII.GetBytes("POST /telemetry HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")),
        ("100 KB header", Encoding.ASCII.GetBytes("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('a', 100_000) + "\r\n\r\n")),
        ("websocket upgrade then garbage", Encoding.ASCII.GetBytes(
            "GET /ws?deviceId=hostile HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n\xff\xff\xff\xff\xff\xff")),
    ];

    public string Group => "hostile";

    public async Task<IReadOnlyList<CheckResult>> RunAsync(VerifyContext context, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        foreach (var (name, bytes) in Payloads)
        {
            await SendAndDropAsync(context.Backend.Port, bytes, cancellationToken).ConfigureAwait(false);
            results.Add(await StillServingAsync(context, $"survives {name}", cancellationToken).ConfigureAwait(false));
        }

        var burst = Enumerable.Range(0, 200).Select(_ => SendAndDropAsync(context.Backend.Port, [], cancellationToken));
        await Task.WhenAll(burst).ConfigureAwait(false);
        results.Add(await StillServingAsync(context, "survives 200 connections opened and dropped at once", cancellationToken).ConfigureAwait(false));
        return results;
    }

    private static async Task SendAndDropAsync(int port, byte[] bytes, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken).ConfigureAwait(false);
            if (bytes.Length > 0)
            {
                var stream = client.GetStream();
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                // Give the server a moment to read what was sent before the connection is dropped mid-request.
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(TimeSpan.FromMilliseconds(300));
                var sink = new byte[4096];
                try
                {
                    while (await stream.ReadAsync(sink, wait.Token).ConfigureAwait(false) > 0)
                    {
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }
            }
        }
        catch (IOException)
        {
            // The server may reset the connection: that is an acceptable answer to hostile input.
        }
        catch (SocketException)
        {
        }
    }

    private async Task<CheckResult> StillServingAsync(VerifyContext context, string name, CancellationToken cancellationToken)
    {
        if (context.Backend.Process.State == Supervision.ProcessState.Exited)
        {
            return CheckResult.Fail(Group, name, "the backend process exited");
        }

        try
        {
            var health = await context.Client.GetAsync("/health", cancellationToken).ConfigureAwait(false);
            return health.Code == 200 ? CheckResult.Pass(Group, name) : CheckResult.Fail(Group, name, $"/health answered {health.Describe()}");
        }
        catch (HttpRequestException ex)
        {
            return CheckResult.Fail(Group, name, $"/health failed: {ex.Message}");
        }
    }
}
