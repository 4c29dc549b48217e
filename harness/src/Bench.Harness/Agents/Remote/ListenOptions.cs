using System.Globalization;
using System.Net;

namespace Bench.Harness.Agents.Remote;

/// <summary>A validated <c>bench agent --listen</c>: where to listen, the shared token, what it may target, and how many controllers to serve.</summary>
internal sealed record ListenOptions(IPEndPoint Endpoint, AgentToken Token, TargetPolicy Policy, int? Sessions)
{
    /// <summary>Validates the options whole; throws <see cref="Orchestration.InvalidInputException"/> listing every error.</summary>
    public static ListenOptions Parse(string listen, string? token, string? allowTargets, string? sessions, string? tokenFromEnvironment)
    {
        var errors = new List<string>();
        if (!IPEndPoint.TryParse(listen, out var endpoint) || endpoint.Port is < 0 or > 65535 || !listen.Contains(':', StringComparison.Ordinal))
        {
            errors.Add($"--listen '{listen}' is not ADDRESS:PORT, such as 0.0.0.0:7070, 10.200.0.2:7070 or [::]:7070 (port 0 picks a free one)");
        }

        var resolvedToken = AgentToken.Resolve(token, tokenFromEnvironment, "--token", errors);
        var policy = TargetPolicy.Parse(allowTargets, errors);
        int? count = null;
        if (sessions is not null)
        {
            if (int.TryParse(sessions, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1)
            {
                count = parsed;
            }
            else
            {
                errors.Add($"--sessions '{sessions}' must be a whole number of at least 1");
            }
        }

        return errors.Count > 0 ? throw new Orchestration.InvalidInputException(errors) : new ListenOptions(endpoint!, resolvedToken!, policy, count);
    }
}
