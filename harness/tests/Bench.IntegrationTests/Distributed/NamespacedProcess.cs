using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Bench.IntegrationTests.Distributed;

/// <summary>A process started inside a network namespace (<c>ip netns exec</c> execs it, so the pid is its own); killed on dispose if still running.</summary>
internal sealed partial class NamespacedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _readyPrefix;

    private NamespacedProcess(Process process, string readyPrefix)
    {
        _process = process;
        _readyPrefix = readyPrefix;
    }

    public string Output => string.Join(Environment.NewLine, _output);

    public Task Exited => _process.WaitForExitAsync();

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="command"/> in <paramref name="ns"/>; <see cref="WaitForPortAsync"/> waits for the line starting with <paramref name="readyPrefix"/>.</summary>
    public static NamespacedProcess Start(string ns, string workingDirectory, IReadOnlyDictionary<string, string> environment, string readyPrefix, params string[] command)
    {
        var info = new ProcessStartInfo("ip") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "netns", "exec", ns }.Concat(command))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var started = new NamespacedProcess(new Process { StartInfo = info }, readyPrefix);
        started._process.OutputDataReceived += (_, e) => started.OnLine(e.Data);
        started._process.ErrorDataReceived += (_, e) => started.OnLine(e.Data);
        started._process.Start();
        started._process.BeginOutputReadLine();
        started._process.BeginErrorReadLine();
        return started;
    }

    /// <summary>The port named by the ready line (<c>port=N</c>), within the deadline.</summary>
    public async Task<int> WaitForPortAsync(TimeSpan deadline)
    {
        var ready = await Task.WhenAny(_ready.Task, _process.WaitForExitAsync(), Task.Delay(deadline));
        if (ready != _ready.Task)
        {
            throw new InvalidOperationException($"no line starting '{_readyPrefix}' (exited: {_process.HasExited}); output:{Environment.NewLine}{Output}");
        }

        return int.Parse(PortPattern().Match(await _ready.Task).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.StartsWith(_readyPrefix, StringComparison.Ordinal))
        {
            _ready.TrySetResult(line);
        }
    }

    [GeneratedRegex(@"\bport=(\d+)")]
    private static partial Regex PortPattern();
}
