namespace Bench.Harness.Agents;

/// <summary>How a fleet run ended.</summary>
internal enum FleetStatus
{
    /// <summary>Every agent ran its whole share and returned a result.</summary>
    Completed,

    /// <summary>Stopped early on request (Ctrl-C); the merged result covers what was measured until then.</summary>
    Interrupted,

    /// <summary>An agent died, erred or fell silent: part of the load is missing, so the result must not be used.</summary>
    Invalid,
}
