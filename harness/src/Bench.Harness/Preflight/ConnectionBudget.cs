namespace Bench.Harness.Preflight;

/// <summary>How many sockets one process may hold, given the host limits, with a margin for everything else it opens.</summary>
internal static class ConnectionBudget
{
    /// <summary>Descriptors kept free for the runtime, log files, pipes and sockets that are closing (TIME_WAIT does not hold one, FIN_WAIT does).</summary>
    public const int DescriptorHeadroom = 2_000;

    /// <summary>Share of the ephemeral range used per lane: the rest absorbs ports still held by recently closed sockets (methodology §6.2).</summary>
    public const double PortShare = 0.9;

    /// <summary>Sockets one process may open under its descriptor limit.</summary>
    public static int DescriptorBound(SystemLimits limits) => (int)Math.Max(0, Math.Min(int.MaxValue, limits.OpenFilesSoft - DescriptorHeadroom));

    /// <summary>Connections one source address may hold to one destination.</summary>
    public static int PortBound(SystemLimits limits) => (int)(limits.EphemeralPorts.Count * PortShare);

    /// <summary>Connections one load agent may hold: it has its own descriptors and its own source address.</summary>
    public static int PerAgent(SystemLimits limits) => Math.Min(DescriptorBound(limits), PortBound(limits));
}
