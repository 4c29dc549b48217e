using System.Globalization;

namespace Bench.Harness.Agents.Remote;

/// <summary>Where a remote agent listens: a host name or address and a port, as given to <c>--remote-agents</c>.</summary>
internal sealed record AgentEndpoint(string Host, int Port)
{
    /// <summary>Parses <c>host:port,host:port,[::1]:port</c>; every bad entry is reported in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<AgentEndpoint> ParseList(string text, string option, List<string> errors)
    {
        var endpoints = new List<AgentEndpoint>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse(part, out var endpoint))
            {
                endpoints.Add(endpoint);
            }
            else
            {
                errors.Add($"{option} '{part}' is not host:port (an IPv6 address goes in brackets: [fd00::2]:7070)");
            }
        }

        if (endpoints.Count == 0 && errors.Count == 0)
        {
            errors.Add($"{option} lists no agent: give host:port[,host:port…]");
        }

        var repeated = endpoints.GroupBy(e => e).Where(g => g.Count() > 1).Select(g => g.Key);
        errors.AddRange(repeated.Select(e => $"{option} lists {e} more than once: each agent takes one share of the fleet"));
        return endpoints;
    }

    public static bool TryParse(string text, out AgentEndpoint endpoint)
    {
        endpoint = new AgentEndpoint(string.Empty, 0);
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        var host = text[..colon];
        if (host.StartsWith('[') != host.EndsWith(']') || (!host.StartsWith('[') && host.Contains(':', StringComparison.Ordinal)))
        {
            return false;
        }

        endpoint = new AgentEndpoint(host.Trim('[', ']'), port);
        return endpoint.Host.Length > 0 && Uri.CheckHostName(endpoint.Host) != UriHostNameType.Unknown;
    }

    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}" : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
