using System.Net;

namespace Bench.Harness.Agents;

/// <summary>Bench only sends load to this machine: 127.0.0.0/8, ::1, or <c>localhost</c> (taken as 127.0.0.1, never resolved).</summary>
internal static class LoopbackAddress
{
    public static bool TryResolve(string host, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
            return true;
        }

        // Uri.Host keeps IPv6 literals in brackets.
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (!IPAddress.TryParse(literal, out var parsed) || !IPAddress.IsLoopback(parsed))
        {
            return false;
        }

        address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        return true;
    }
}
