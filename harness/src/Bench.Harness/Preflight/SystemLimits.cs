using System.Globalization;

namespace Bench.Harness.Preflight;

/// <summary>
/// The host limits that decide how many connections one process can hold and how fast they can be accepted
/// (methodology §6): this process's RLIMIT_NOFILE (children inherit it), the ephemeral port range, the accept
/// backlog caps and the kernel's per-process descriptor ceiling.
/// </summary>
internal sealed record SystemLimits(
    long OpenFilesSoft,
    long OpenFilesHard,
    PortRange EphemeralPorts,
    int Somaxconn,
    int TcpMaxSynBacklog,
    long NrOpen)
{
    /// <summary>The Linux defaults with this machine's 20,000-descriptor limit; used by tests and as documentation.</summary>
    public static SystemLimits Typical { get; } = new(20_000, 20_000, new PortRange(32_768, 60_999), 4_096, 2_048, 1_048_576);

    /// <summary>Reads the live values from getrlimit and /proc/sys.</summary>
    public static SystemLimits Read()
    {
        var (soft, hard) = ResourceLimits.OpenFiles();
        return new SystemLimits(
            soft,
            hard,
            PortRange.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range")),
            (int)ReadNumber("/proc/sys/net/core/somaxconn"),
            (int)ReadNumber("/proc/sys/net/ipv4/tcp_max_syn_backlog"),
            ReadNumber("/proc/sys/fs/nr_open"));
    }

    private static long ReadNumber(string path) => long.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture);
}
