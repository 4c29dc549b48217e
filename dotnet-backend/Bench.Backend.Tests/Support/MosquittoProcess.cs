using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bench.Backend.Tests.Support;

/// <summary>
/// A private mosquitto on a free loopback port, for tests that need a broker; killed by PID when disposed. It logs
/// everything (connections with their client ids and settings, subscriptions, DISCONNECTs) to its stderr, which is
/// kept in <see cref="Log"/> so tests can check what the backend did on the wire.
/// </summary>
internal sealed class MosquittoProcess : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly string _directory;
    private readonly ConcurrentQueue<string> _log;

    private MosquittoProcess(Process process, string directory, int port, ConcurrentQueue<string> log)
    {
        _process = process;
        _directory = directory;
        _log = log;
        Port = port;
    }

    public int Port { get; }

    public Uri Url => new($"mqtt://127.0.0.1:{Port}");

    /// <summary>Every line mosquitto logged so far.</summary>
    public IReadOnlyList<string> Log => [.. _log];

    /// <summary>Starts a broker on a free port, or on <paramref name="port"/> (to restart one, or to start it late).</summary>
    public static async Task<MosquittoProcess> StartAsync(int? port = null)
    {
        var listenPort = port ?? FreePort();
        var directory = Directory.CreateTempSubdirectory("bench-backend-mosquitto-").FullName;
        var config = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllTextAsync(config,
            $"listener {listenPort} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\nlog_type all\nlog_timestamp false\n");
        var start = new ProcessStartInfo(Executable, ["-c", config]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start");
        var log = new ConcurrentQueue<string>();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = KeepLogAsync(process.StandardError, log);
        var broker = new MosquittoProcess(process, directory, listenPort, log);
        try
        {
            await broker.WaitUntilAcceptingAsync();
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            using var deadline = new CancellationTokenSource(StartDeadline);
            await _process.WaitForExitAsync(deadline.Token);
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Waits (bounded) until mosquitto logged exactly <paramref name="line"/>; false when it did not in time.</summary>
    public Task<bool> WaitForLogLineAsync(string line, TimeSpan deadline) =>
        WaitForLogLineAsync(logged => logged == line, deadline);

    /// <summary>Waits (bounded) until mosquitto logged a line that matches; false when it did not in time.</summary>
    public async Task<bool> WaitForLogLineAsync(Func<string, bool> match, TimeSpan deadline)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!_log.Any(match))
        {
            if (stopwatch.Elapsed > deadline)
                return false;
            await Task.Delay(20);
        }
        return true;
    }

    /// <summary>A free loopback port that nothing listens on (yet).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task KeepLogAsync(StreamReader reader, ConcurrentQueue<string> log)
    {
        while (await reader.ReadLineAsync() is { } line)
            log.Enqueue(line);
    }

    private async Task WaitUntilAcceptingAsync()
    {
        using var deadline = new CancellationTokenSource(StartDeadline);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"mosquitto exited with code {_process.ExitCode}");
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, Port, deadline.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, deadline.Token);
            }
        }
    }
}
