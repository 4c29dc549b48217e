using System.Text.Json;
using Bench.Load.Engine;

namespace Bench.Harness.Agents.Protocol;

/// <summary>Writes and reads protocol lines: one compact JSON object each, in the load engine's JSON form (<see cref="LoadJson"/>).</summary>
internal static class AgentMessageCodec
{
    // Hand-written lines (tests, a person at a terminal) may put "type" anywhere in the object.
    private static readonly JsonSerializerOptions Options = new(LoadJson.Options) { AllowOutOfOrderMetadataProperties = true };

    /// <summary>The message as one line, without the newline. JSON escapes control characters, so it never spans lines.</summary>
    public static string Write(AgentMessage message) => JsonSerializer.Serialize(message, Options);

    /// <summary>Reads a line; false (with the reason) for anything that is not a protocol message.</summary>
    public static bool TryRead(string line, out AgentMessage? message, out string? problem)
    {
        message = null;
        problem = null;
        if (!line.StartsWith('{'))
        {
            problem = "not a JSON object";
            return false;
        }

        try
        {
            message = JsonSerializer.Deserialize<AgentMessage>(line, Options);
            problem = message is null ? "null message" : null;
            return message is not null;
        }
        catch (JsonException ex)
        {
            problem = ex.Message;
            return false;
        }
        catch (NotSupportedException ex)
        {
            problem = ex.Message;
            return false;
        }
    }
}
