using System.Text;
using Bench.Harness.Agents.Protocol;

namespace Bench.Harness.Agents.Remote;

/// <summary>
/// One controller connection to <c>bench agent --listen</c>: checks the hello (token, then every listed target against
/// this agent's <see cref="TargetPolicy"/>), then serves the very same <see cref="AgentHost"/> as a local agent over the
/// stream, its runner restricted to the listed targets. The controller closing the connection ends the session.
/// </summary>
internal sealed class RemoteAgentSession(AgentToken token, TargetPolicy policy, LoadRunner runner, TimeSpan progressInterval, TextWriter log)
{
    /// <summary>A connection that has not said hello within this is dropped.</summary>
    public static readonly TimeSpan HelloDeadline = TimeSpan.FromSeconds(10);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Serves the connection to its end; true when the controller was admitted (it counts as a served session).</summary>
    public async Task<bool> ServeAsync(Stream stream, string peer, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, Utf8, leaveOpen: true) { AutoFlush = false };
        var (allowed, refusal) = await AdmitAsync(stream, cancellationToken);
        if (allowed is null)
        {
            await log.WriteLineAsync($"agent: refused {peer}: {refusal}");
            await TrySendAsync(writer, new ErrorMessage($"refused: {refusal}"));
            return false;
        }

        await log.WriteLineAsync($"agent: serving {peer} (targets {string.Join(", ", allowed)})");
        using var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var host = new AgentHost(reader, writer, TargetGuard.Restrict(runner, allowed), progressInterval);
        try
        {
            var exitCode = await host.RunAsync(cancellationToken);
            await log.WriteLineAsync($"agent: {peer} disconnected ({(exitCode == AgentHost.Completed ? "every run completed" : "a run failed")})");
        }
        catch (IOException ex)
        {
            // The controller vanished mid-run (reset, or a write to a closed connection): the session is over either way.
            await log.WriteLineAsync($"agent: connection to {peer} lost: {ex.Message}");
        }

        return true;
    }

    /// <summary>The normalized targets the controller may use, or null and why it is refused.</summary>
    private async Task<(HashSet<string>? Allowed, string? Refusal)> AdmitAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(HelloDeadline);
        string? line;
        try
        {
            line = await BoundedLine.ReadAsync(stream, HelloMessage.MaxLineBytes, deadline.Token);
        }
        catch (OperationCanceledException)
        {
            return (null, $"no hello within {HelloDeadline.TotalSeconds:0} s");
        }
        catch (IOException ex)
        {
            return (null, $"connection failed before hello: {ex.Message}");
        }

        if (line is null)
        {
            return (null, "closed, or sent more than a hello line may hold, before saying hello");
        }

        if (!HelloMessage.TryRead(line, out var hello, out var problem))
        {
            return (null, problem);
        }

        if (!token.Matches(hello!.Token))
        {
            return (null, "the token does not match this agent's");
        }

        var allowed = hello.Targets.Select(TargetHosts.Normalize).ToHashSet(StringComparer.Ordinal);
        foreach (var target in allowed)
        {
            if (await policy.RefusalAsync(target, cancellationToken) is { } refusal)
            {
                return (null, refusal);
            }
        }

        return allowed.Count == 0 ? (null, "the hello lists no target") : (allowed, null);
    }

    private static async Task TrySendAsync(StreamWriter writer, AgentMessage message)
    {
        try
        {
            await writer.WriteLineAsync(AgentMessageCodec.Write(message));
            await writer.FlushAsync();
        }
        catch (IOException)
        {
            // Already gone: nothing left to tell it.
        }
    }
}
