using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Bench.Harness.Agents.Protocol;

namespace Bench.Harness.Agents.Remote;

/// <summary>
/// <c>bench agent --listen</c>: accepts controllers over TCP and serves them one at a time (an agent's descriptors and
/// ports belong to one share of one fleet); a controller that connects meanwhile is told the agent is busy. Stops on
/// cancellation (SIGTERM), or once it has served <see cref="ListenOptions.Sessions"/> admitted controllers.
/// </summary>
internal sealed class RemoteAgentListener(ListenOptions options, RemoteAgentSession session, TextWriter log)
{
    /// <summary>The line printed once connections are accepted; it names the port, which matters with port 0.</summary>
    public static string ListeningLine(IPEndPoint endpoint) =>
        string.Create(CultureInfo.InvariantCulture, $"BENCH-AGENT-LISTENING address={endpoint.Address} port={endpoint.Port} pid={Environment.ProcessId}");

    public async Task RunAsync(Action<IPEndPoint> listening, CancellationToken cancellationToken)
    {
        using var listener = new TcpListener(options.Endpoint);
        listener.Start();
        listening((IPEndPoint)listener.LocalEndpoint);
        using var accepting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var served = 0;
        Task? current = null;
        while (!accepting.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(accepting.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (current is { IsCompleted: false })
            {
                _ = RefuseBusyAsync(client);
                continue;
            }

            current = ServeAsync(client, cancellationToken, () =>
            {
                if (options.Sessions is { } limit && Interlocked.Increment(ref served) >= limit)
                {
                    accepting.Cancel();
                }
            });
        }

        if (current is not null)
        {
            await current;
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken, Action admittedAndDone)
    {
        // Off the accept loop at once, so a busy refusal never waits behind this session.
        await Task.Yield();
        using (client)
        {
            client.NoDelay = true;
            var peer = client.Client.RemoteEndPoint?.ToString() ?? "?";
            if (await session.ServeAsync(client.GetStream(), peer, cancellationToken))
            {
                admittedAndDone();
            }
        }
    }

    private async Task RefuseBusyAsync(TcpClient client)
    {
        using (client)
        {
            await log.WriteLineAsync($"agent: refused {client.Client.RemoteEndPoint}: busy with another controller");
            try
            {
                var line = AgentMessageCodec.Write(new ErrorMessage("busy: this agent is serving another controller")) + "\n";
                await client.GetStream().WriteAsync(System.Text.Encoding.UTF8.GetBytes(line));
            }
            catch (IOException)
            {
                // It left already.
            }
        }
    }
}
