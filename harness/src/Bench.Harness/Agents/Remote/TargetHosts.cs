using System.Globalization;
using System.Net;

namespace Bench.Harness.Agents.Remote;

/// <summary>One spelling per host, so the controller's allow-list and a run's target compare equal: IPv6 without brackets, IPv4-mapped addresses as IPv4, names in lower case.</summary>
internal static class TargetHosts
{
    public static string Normalize(string host)
    {
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(literal, out var address))
        {
            return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        }

        return literal.ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>Every host a run's load goes to: the HTTP/WebSocket server and, for MQTT, the broker.</summary>
    public static IReadOnlyList<string> Of(Bench.Load.Engine.LoadTarget target)
    {
        var hosts = new List<string> { Normalize(target.HttpBaseUri.Host) };
        if (target.MqttHost is { Length: > 0 } broker)
        {
            hosts.Add(Normalize(broker));
        }

        return hosts.Distinct(StringComparer.Ordinal).ToList();
    }
}
