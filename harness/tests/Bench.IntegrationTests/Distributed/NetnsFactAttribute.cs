using System.Diagnostics;

namespace Bench.IntegrationTests.Distributed;

/// <summary>
/// A fact that is skipped, with the reason, where network namespaces cannot be made (no iproute2, not root, or a
/// container without CAP_SYS_ADMIN). xunit 2 has no skip from inside a test, so the probe runs at discovery, as
/// Bench.Python.Tests does for libpython.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class NetnsFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> LazyProblem = new(Probe);

    public NetnsFactAttribute()
    {
        if (LazyProblem.Value is { } problem)
        {
            Skip = problem;
        }
    }

    /// <summary>Adds and deletes a namespace of its own; null when that works.</summary>
    private static string? Probe()
    {
        var name = $"bench-test-probe-{Environment.ProcessId}";
        var (added, output) = Ip("netns", "add", name);
        if (!added)
        {
            return $"needs 'ip netns add' (iproute2, root with CAP_SYS_ADMIN), which is not permitted here: {output}";
        }

        Ip("netns", "delete", name);
        return null;
    }

    private static (bool Ok, string Output) Ip(params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
            args.ToList().ForEach(info.ArgumentList.Add);
            using var process = Process.Start(info)!;
            var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            return process.WaitForExit(10_000) ? (process.ExitCode == 0, output.Trim()) : (false, "timed out");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (false, ex.Message);
        }
    }
}
