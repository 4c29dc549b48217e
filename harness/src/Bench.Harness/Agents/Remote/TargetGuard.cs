using Bench.Load.Engine;

namespace Bench.Harness.Agents.Remote;

/// <summary>
/// Wraps a remote agent's runner so it only loads the hosts the controller listed when it connected: a run message
/// naming any other host is refused before a single socket opens, and the agent reports why.
/// </summary>
internal static class TargetGuard
{
    public static LoadRunner Restrict(LoadRunner inner, IReadOnlyCollection<string> allowedHosts) => (spec, progress, cancellationToken) =>
        Refusal(spec, allowedHosts) is { } reason
            ? Task.FromException<LoadResult>(new TargetRefusedException(reason))
            : inner(spec, progress, cancellationToken);

    /// <summary>Why the spec is refused, or null when every host it loads was listed.</summary>
    public static string? Refusal(LoadSpec spec, IReadOnlyCollection<string> allowedHosts)
    {
        var unlisted = TargetHosts.Of(spec.Target).Where(h => !allowedHosts.Contains(h)).ToList();
        return unlisted.Count == 0 ? null
            : $"target {string.Join(", ", unlisted)} is not in the list the controller sent at connect ({string.Join(", ", allowedHosts)})";
    }
}
