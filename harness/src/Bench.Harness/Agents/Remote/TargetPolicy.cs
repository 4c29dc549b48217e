using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Bench.Harness.Agents.Remote;

/// <summary>
/// What an agent itself lets controllers aim it at (<c>bench agent --allow-targets</c>): address ranges, loopback only
/// unless widened. A name is resolved and every address it has must lie inside; <c>localhost</c> is taken as loopback.
/// </summary>
internal sealed class TargetPolicy(IReadOnlyList<IPNetwork> networks)
{
    public static TargetPolicy LoopbackOnly { get; } = new([IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]);

    public IReadOnlyList<IPNetwork> Networks { get; } = networks;

    /// <summary>Comma-separated CIDR ranges or single addresses; null for <see cref="LoopbackOnly"/>.</summary>
    public static TargetPolicy Parse(string? text, List<string> errors)
    {
        if (text is null)
        {
            return LoopbackOnly;
        }

        var networks = new List<IPNetwork>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(part, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(part, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                errors.Add($"--allow-targets '{part}' is not an address range such as 10.0.0.0/8 or an address such as 10.200.0.1");
            }
        }

        if (networks.Count == 0 && errors.Count == 0)
        {
            errors.Add("--allow-targets is empty: give at least one address range");
        }

        return new TargetPolicy(networks);
    }

    public bool Permits(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return Networks.Any(n => n.Contains(plain));
    }

    /// <summary>Why <paramref name="host"/> is refused, or null when every address it stands for is permitted.</summary>
    public async Task<string?> RefusalAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await AddressesOfAsync(host, cancellationToken);
        if (addresses.Count == 0)
        {
            return $"target '{host}' does not resolve to any address";
        }

        var outside = addresses.Where(a => !Permits(a)).ToList();
        return outside.Count == 0 ? null
            : string.Create(CultureInfo.InvariantCulture, $"target '{host}' ({string.Join(", ", outside)}) is outside what this agent allows ({this})");
    }

    public override string ToString() => string.Join(", ", Networks);

    private static async Task<IReadOnlyList<IPAddress>> AddressesOfAsync(string host, CancellationToken cancellationToken)
    {
        var normalized = TargetHosts.Normalize(host);
        if (normalized == "localhost")
        {
            return [IPAddress.Loopback];
        }

        if (IPAddress.TryParse(normalized, out var literal))
        {
            return [literal];
        }

        try
        {
            return await Dns.GetHostAddressesAsync(normalized, cancellationToken);
        }
        catch (SocketException)
        {
            return [];
        }
    }
}
