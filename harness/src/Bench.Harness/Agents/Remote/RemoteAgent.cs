using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Bench.Harness.Agents.Protocol;
using Bench.Harness.Supervision;
using Bench.Load.Engine;

namespace Bench.Harness.Agents.Remote;

/// <summary>
/// A <c>bench agent --listen</c> on another host, seen from the controller: the same JSON-lines protocol and the same
/// failure rules as <see cref="ChildProcessAgent"/>, over TCP after a hello. A closed connection before the result, an
/// error message, or 10 s without a message fails it, naming it with its endpoint.
/// </summary>
internal sealed partial class RemoteAgent : ILoadAgent
{
    public static readonly TimeSpan ConnectDeadline = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(15);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Channel<AgentMessage> _messages = Channel.CreateUnbounded<AgentMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly OutputTail _strayLines = new(10);
    private readonly Lock _writeGate = new();
    private readonly TcpClient _client;
    private readonly StreamWriter _writer;
    private Task _reading = Task.CompletedTask;

    private RemoteAgent(AgentAssignment assignment, AgentEndpoint endpoint, TcpClient client)
    {
        Assignment = assignment;
        Endpoint = endpoint;
        _client = client;
        _writer = new StreamWriter(client.GetStream(), Utf8, leaveOpen: true) { AutoFlush = false };
    }

    public AgentAssignment Assignment { get; }

    public AgentEndpoint Endpoint { get; }

    /// <summary>Connects, says hello, and waits for ready; an agent that refuses (token, targets, busy) fails with its reason.</summary>
    public static async Task<RemoteAgent> ConnectAsync(AgentAssignment assignment, AgentEndpoint endpoint, HelloMessage hello, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(ConnectDeadline);
            try
            {
                await client.ConnectAsync(endpoint.Host, endpoint.Port, deadline.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                client.Dispose();
                var reason = ex is SocketException socket ? socket.Message : $"no connection within {ConnectDeadline.TotalSeconds:0} s";
                throw new AgentFailedException(new AgentFailure(NameOf(assignment, endpoint), null, $"cannot connect: {reason}", null, []));
            }
        }

        var agent = new RemoteAgent(assignment, endpoint, client);
        agent._reading = agent.ReadLinesAsync();
        try
        {
            agent.Send(hello.ToLine());
            var first = await agent.NextAsync(ReadyDeadline, cancellationToken, "sent no ready message");
            return first switch
            {
                ReadyMessage => agent,
                ErrorMessage error => throw agent.Failed(error.Message),
                _ => throw agent.Failed($"sent {first.GetType().Name} instead of ready"),
            };
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    public Task<LoadResult> RunAsync(LoadSpec spec, IProgress<LoadProgress> progress, CancellationToken cancellationToken)
    {
        return AgentRunLoop.RunAsync(spec, message => Send(AgentMessageCodec.Write(message)), NextAsync, Failed, progress, cancellationToken);
    }

    /// <summary>Half-closes the connection (the agent's cue that this controller is done), waits briefly for it to finish, then closes.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _client.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed by either side.
        }

        await Task.WhenAny(_reading, Task.Delay(TimeSpan.FromSeconds(2)));
        _client.Dispose();
        await _reading;
        await _writer.DisposeAsync();
    }

    private static string NameOf(AgentAssignment assignment, AgentEndpoint endpoint) => $"{assignment.Name} at {endpoint}";

}
