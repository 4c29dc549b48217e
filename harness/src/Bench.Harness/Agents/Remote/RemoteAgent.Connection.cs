using System.Net.Sockets;
using System.Threading.Channels;
using Bench.Harness.Agents.Protocol;

namespace Bench.Harness.Agents.Remote;

/// <summary>The connection's two directions: a reader turning lines into messages (pushed lines become pulls through a channel) and a locked writer.</summary>
internal sealed partial class RemoteAgent
{
    private string _closedBecause = "closed the connection before sending its result";

    /// <summary>The next message; fails the agent when the connection ends first or nothing arrives within <paramref name="limit"/>.</summary>
    private async Task<AgentMessage> NextAsync(TimeSpan limit, CancellationToken cancellationToken, string silence)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            return await _messages.Reader.ReadAsync(timeout.Token);
        }
        catch (ChannelClosedException)
        {
            throw Failed(_closedBecause);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _client.Dispose();
            throw Failed($"{silence}; disconnected");
        }
    }

    private async Task ReadLinesAsync()
    {
        using var reader = new StreamReader(_client.GetStream(), Utf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (AgentMessageCodec.TryRead(line, out var message, out _))
                {
                    _messages.Writer.TryWrite(message!);
                }
                else
                {
                    _strayLines.Add("received: " + line);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
            _closedBecause = $"connection lost before its result ({ex.Message})";
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    private void Send(string line)
    {
        lock (_writeGate)
        {
            try
            {
                _writer.WriteLine(line);
                _writer.Flush();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                // The connection is gone; the next read reports it.
            }
        }
    }

    private AgentFailedException Failed(string reason) =>
        new(new AgentFailure(NameOf(Assignment, Endpoint), null, reason, null, _strayLines.Snapshot()));
}
