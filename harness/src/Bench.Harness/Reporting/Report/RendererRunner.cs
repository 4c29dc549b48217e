using System.Diagnostics;

namespace Bench.Harness.Reporting.Report;

/// <summary>
/// Runs report-renderer's scripts (render.js, html.js) with Node, bounded in time. They are short-lived batch jobs
/// with no readiness to wait for, so a plain <see cref="Process"/> is enough; on timeout or cancellation the
/// whole tree is killed.
/// </summary>
internal sealed class RendererRunner(string rendererDirectory, string node = "node", TimeSpan? timeout = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public string RendererDirectory { get; } = rendererDirectory;

    /// <summary>Why the renderer cannot run at all (not installed), or null when it looks ready.</summary>
    public string? Problem()
    {
        if (!File.Exists(Path.Combine(RendererDirectory, "src", "render.js")))
        {
            return $"{RendererDirectory}: report-renderer not found";
        }

        return Directory.Exists(Path.Combine(RendererDirectory, "node_modules", "vega-lite"))
            ? null
            : $"{RendererDirectory}: dependencies missing; run `npm ci --prefix {RendererDirectory}` (./bench.sh does)";
    }

    /// <summary>Runs <c>node src/&lt;script&gt; --in IN --out OUT</c>; returns null on success, else the error with the script's output.</summary>
    public async Task<string?> RunAsync(string script, string input, string output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = RendererDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine("src", script), "--in", input, "--out", output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{node} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            return $"{script} did not finish within {(timeout ?? DefaultTimeout).TotalSeconds:0} s and was stopped";
        }

        var errors = (await stderr.ConfigureAwait(false)).Trim();
        await stdout.ConfigureAwait(false);
        return process.ExitCode == 0 ? null : $"{script} exited with {process.ExitCode}: {errors}";
    }
}
