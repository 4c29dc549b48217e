using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bench.Backend.Tests.Support;

/// <summary>A private mosquitto on a free loopback port, for tests that need a broker; killed by PID when disposed.</summary>
internal sealed class MosquittoProcess : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly string _directory;

    private MosquittoProcess(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public Uri Url => new($"mqtt://127.0.0.1:{Port}");

    public static async Task<MosquittoProcess> StartAsync()
    {
        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("bench-backend-mosquitto-").FullName;
        var config = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n");
        var start = new ProcessStartInfo(Executable, ["-c", config]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var broker = new MosquittoProcess(process, directory, port);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
