using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bench.IntegrationTests.Mqtt;

/// <summary>
/// A private mosquitto on a free loopback port, started from a temporary config and killed by PID on dispose.
/// Readiness is the port accepting connections, polled with a deadline.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly string _configPath;
    private readonly List<string> _log = [];

    private MosquittoBroker(Process process, string configPath, int port)
    {
        _process = process;
        _configPath = configPath;
        Port = port;
    }

    public int Port { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The broker's log lines so far (mosquitto logs every packet at level debug, to stderr because stdout is block-buffered into a pipe).</summary>
    public IReadOnlyList<string> LogLines
    {
        get
        {
            lock (_log)
                return [.. _log];
        }
    }

    public static async Task<MosquittoBroker> StartAsync(bool allowAnonymous = true)
    {
        var port = FreeLoopbackPort();
        var configPath = Path.Combine(Path.GetTempPath(), $"bench-mosquitto-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(configPath, $"""
            listener {port} 127.0.0.1
            allow_anonymous {(allowAnonymous ? "true" : "false")}
            persistence false
            log_dest stderr
            log_type all

            """);
        var start = new ProcessStartInfo(Executable, ["-c", configPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start");
        var broker = new MosquittoBroker(process, configPath, port);
        process.OutputDataReceived += (_, e) => broker.AddLogLine(e.Data);
        process.ErrorDataReceived += (_, e) => broker.AddLogLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await broker.WaitUntilListeningAsync();
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
        return broker;
    }

    /// <summary>Kills the broker abruptly, as a crashed broker would vanish.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
            File.Delete(_configPath);
        }
    }

    private void AddLogLine(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.Add(line);
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"mosquitto exited with code {_process.ExitCode}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
