using System.Globalization;

namespace Bench.Harness.Preflight;

/// <summary>An inclusive range of TCP ports, such as net.ipv4.ip_local_port_range.</summary>
internal readonly record struct PortRange(int Low, int High)
{
    /// <summary>How many ports the range holds (the kernel's default 32768–60999 holds 28,232).</summary>
    public int Count => High >= Low ? High - Low + 1 : 0;

    /// <summary>Parses the two whitespace-separated numbers of /proc/sys/net/ipv4/ip_local_port_range.</summary>
    public static PortRange Parse(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            ? new PortRange(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture))
            : throw new FormatException($"not a port range: '{text.Trim()}'");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Low}–{High} ({Count:N0} ports)");
}
