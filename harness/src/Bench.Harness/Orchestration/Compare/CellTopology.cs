using System.Globalization;
using Bench.Harness.Preflight;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>
/// The processes a cell runs on the server side: how many backend workers and how many mosquitto instances. One
/// process here holds at most <see cref="ConnectionBudget.DescriptorBound"/> connections (RLIMIT_NOFILE is per
/// process and cannot be raised), so a fleet larger than that needs more processes on the far end of its
/// connections: a backend that lists <c>worker-scaling</c> gets more workers (never fewer than backends.yaml gives
/// it), and an MQTT fleet against a backend that lists <c>brokers</c> gets several brokers, each holding its share of
/// the devices, with the backend subscribed to every one (contract §6). Anything else keeps one broker and the
/// written worker count, and preflight refuses the cell when that cannot hold the fleet.
/// </summary>
/// <param name="Workers">The {workers} the backend is started with.</param>
/// <param name="Brokers">mosquitto instances the harness starts (0: the workload needs none, or the backend is its own broker).</param>
/// <param name="WorkersRaised">True when <paramref name="Workers"/> is above backends.yaml's count because of the fleet.</param>
internal sealed record CellTopology(int Workers, int Brokers, bool WorkersRaised)
{
    /// <summary>The feature a backend lists when its worker processes share the port, so more of them hold more connections.</summary>
    public const string WorkerScalingFeature = "worker-scaling";

    /// <summary>The feature a backend lists when it takes several comma-separated brokers and subscribes to each.</summary>
    public const string BrokersFeature = "brokers";

    public static CellTopology For(CellPlan cell, SystemLimits limits)
    {
        var backend = cell.Backend;
        var fleet = cell.Workload.Fleet is null ? 0 : cell.Scale;
        var perProcess = Math.Max(1, ConnectionBudget.DescriptorBound(limits));
        var needed = (int)Math.Ceiling(fleet / (double)perProcess);
        if (cell.Workload.UsesBroker)
        {
            if (backend.ServesMqtt)
            {
                return new CellTopology(backend.Workers, 0, false);
            }

            var brokers = backend.Offers(BrokersFeature) ? Math.Max(1, needed) : 1;
            return new CellTopology(backend.Workers, brokers, false);
        }

        var workers = fleet > 0 && backend.Offers(WorkerScalingFeature) ? Math.Max(backend.Workers, needed) : backend.Workers;
        return new CellTopology(workers, 0, workers != backend.Workers);
    }

    /// <summary>What holds the fleet's connections and how many of it, for preflight.</summary>
    public ServerCapacity Server(CellPlan cell) => Brokers > 0
        ? new ServerCapacity(
            Brokers == 1 ? "mosquitto" : string.Create(CultureInfo.InvariantCulture, $"{Brokers} mosquitto instances"),
            Brokers,
            cell.Backend.Offers(BrokersFeature)
                ? "spread the devices over more brokers"
                : $"{cell.Backend.Name} takes one broker (it does not list the '{BrokersFeature}' feature in backends.yaml), so its MQTT fleet cannot outgrow one mosquitto")
        : new ServerCapacity(
            Workers == 1 ? "a single-process backend" : string.Create(CultureInfo.InvariantCulture, $"a backend of {Workers} processes"),
            cell.Backend.ServesMqtt && cell.Workload.UsesBroker ? 1 : Workers,
            cell.Backend.Offers(WorkerScalingFeature) ? "use fewer devices" : "use a multi-process variant of the backend with enough workers");

    /// <summary>How the report and the log describe it, or null for the plain one-process, at-most-one-broker case.</summary>
    public string? Description(CellPlan cell)
    {
        var parts = new List<string>();
        if (Brokers > 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Brokers} mosquitto instances, each holding a {Brokers}th of the devices (device n on broker n mod {Brokers}); {cell.Backend.Name} subscribes to every one and replies through the broker a reading came from"));
        }

        if (WorkersRaised)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Workers} workers instead of {cell.Backend.Workers}: one process holds at most its descriptor limit's share of the connections"));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
