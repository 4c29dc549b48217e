using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Bench.Backend.Tests.Support;

/// <summary>
/// The built backend run as a child process, the way the harness runs it: ready when it prints its ready
/// line (with a deadline), stopped with SIGTERM or killed by PID when disposed.
/// </summary>
internal sealed partial class BackendProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(10);

    private const int KeptLines = 50;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _recentOutput;

    private BackendProcess(Process process, ConcurrentQueue<string> recentOutput, string readyLine, int port)
    {
        _process = process;
        _recentOutput = recentOutput;
        ReadyLine = readyLine;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public string ReadyLine { get; }

    public int Port { get; }

    public int Pid => _process.Id;

    public Uri BaseAddress { get; }

    /// <summary>The last lines the backend wrote after its ready line, for failure messages.</summary>
    public string RecentOutput => string.Join('\n', _recentOutput);

    public Uri WebSocketUri(string pathAndQuery) => new($"ws://127.0.0.1:{Port}{pathAndQuery}");

    public static async Task<BackendProcess> StartAsync(IReadOnlyList<string>? arguments = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "dotnet-backend"),
        };
        start.ArgumentList.Add(RepositoryPaths.BackendDll);
        foreach (var argument in arguments ?? ["--port", "0"])
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var recentOutput = new ConcurrentQueue<string>();
        // Both pipes are always drained so the backend can never block on a full pipe.
        var errors = DrainAsync(process.StandardError, recentOutput);
        try
        {
            var line = await ReadReadyLineAsync(process, errors, recentOutput);
            _ = DrainAsync(process.StandardOutput, recentOutput);
            var port = int.Parse(ReadyPattern().Match(line).Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
            return new BackendProcess(process, recentOutput, line, port);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Sends SIGTERM and waits (bounded) for the exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var deadline = new CancellationTokenSource(StopDeadline);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits (bounded) for the backend to exit on its own and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var deadline = new CancellationTokenSource(StopDeadline);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var deadline = new CancellationTokenSource(StopDeadline);
            await _process.WaitForExitAsync(deadline.Token);
        }
        _process.Dispose();
    }

    [GeneratedRegex("^BENCH-READY backend=(?<backend>dotnet(-multi)?) port=(?<port>[0-9]+) pid=(?<pid>[0-9]+)$")]
    public static partial Regex ReadyPattern();

    private static async Task<string> ReadReadyLineAsync(Process process, Task errors, ConcurrentQueue<string> recentOutput)
    {
        using var deadline = new CancellationTokenSource(StartDeadline);
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith("BENCH-READY", StringComparison.Ordinal))
                return line;
            Keep(recentOutput, line);
        }
        await errors.WaitAsync(deadline.Token);
        throw new InvalidOperationException($"backend exited before its ready line:\n{string.Join('\n', recentOutput)}");
    }

    private static async Task DrainAsync(StreamReader reader, ConcurrentQueue<string> recentOutput)
    {
        while (await reader.ReadLineAsync() is { } line)
            Keep(recentOutput, line);
    }

    private static void Keep(ConcurrentQueue<string> lines, string line)
    {
        lines.Enqueue(line);
        while (lines.Count > KeptLines)
            lines.TryDequeue(out _);
    }
}
