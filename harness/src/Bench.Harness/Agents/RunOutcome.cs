namespace Bench.Harness.Agents;

/// <summary>
/// How a <c>bench run</c> ended: the fleet's result when the load ran, or the reason it could not start, and
/// whether the backend crashed under load (with its exit code and last lines).
/// </summary>
internal sealed record RunOutcome(FleetResult? Fleet, string? StartFailure, string? BackendCrash, IReadOnlyList<string> BackendLastLines)
{
    /// <summary>completed, interrupted, invalid, crashed (the backend) or failed (nothing ran).</summary>
    public string Status => StartFailure is not null ? "failed"
        : BackendCrash is not null ? "crashed"
        : Fleet!.Status.ToString().ToLowerInvariant();

    /// <summary>Only a completed run whose generator kept up yields figures worth using.</summary>
    public bool Succeeded => Status == "completed" && Fleet?.Merged?.Saturation.IsSaturated == false;
}
