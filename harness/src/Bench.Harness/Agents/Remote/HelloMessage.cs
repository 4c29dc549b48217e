using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bench.Harness.Agents.Remote;

/// <summary>
/// The first line a controller sends a remote agent, before the JSON-lines protocol of local agents starts:
/// the shared token and every host the controller will aim the agent at. The agent answers ready, or an error and
/// closes. It travels only over TCP, so it is not one of the stdin/stdout <see cref="Protocol.AgentMessage"/>s.
/// </summary>
internal sealed record HelloMessage(string Token, IReadOnlyList<string> Targets)
{
    /// <summary>The agent reads at most this much before the token is checked, so a stranger cannot make it buffer without end.</summary>
    public const int MaxLineBytes = 16 * 1024;

    private const string Type = "hello";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string ToLine() => JsonSerializer.Serialize(new Wire(Type, Token, Targets), Options);

    /// <summary>Reads a hello line; false (with the reason) for anything else.</summary>
    public static bool TryRead(string line, out HelloMessage? hello, out string? problem)
    {
        hello = null;
        try
        {
            var wire = JsonSerializer.Deserialize<Wire>(line, Options);
            problem = wire is null || wire.Type != Type ? "the first line must be a hello message"
                : wire.Token is null ? "the hello message has no token"
                : wire.Targets is null ? "the hello message lists no targets"
                : null;
            hello = problem is null ? new HelloMessage(wire!.Token!, wire.Targets!) : null;
            return hello is not null;
        }
        catch (JsonException ex)
        {
            problem = $"the first line is not a hello message ({ex.Message})";
            return false;
        }
    }

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"hello (targets {string.Join(", ", Targets)})";

    private sealed record Wire(
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("token")] string? Token,
        [property: JsonPropertyName("targets")] IReadOnlyList<string>? Targets);
}
