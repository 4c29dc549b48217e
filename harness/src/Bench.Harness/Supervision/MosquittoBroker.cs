using System.Globalization;

namespace Bench.Harness.Supervision;

/// <summary>A mosquitto broker the harness starts on a free loopback port, supervised like any backend.</summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly string _configDirectory;

    private MosquittoBroker(SupervisedProcess process, string host, int port, string configDirectory)
    {
        Process = process;
        Host = host;
        Port = port;
        _configDirectory = configDirectory;
    }

    public SupervisedProcess Process { get; }

    public int Port { get; }

    /// <summary>The address it listens on: loopback unless compare's --listen-host asks for one remote agents can reach.</summary>
    public string Host { get; }

    /// <summary>The URL handed to backends.</summary>
    public string Url => string.Create(CultureInfo.InvariantCulture, $"mqtt://{Host}:{Port}");

    public static string Executable => File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : "mosquitto";

    public static async Task<MosquittoBroker> StartAsync(string? cpuList, CancellationToken cancellationToken, string host = "127.0.0.1")
    {
        var port = FreePort.Next();
        var dir = Directory.CreateTempSubdirectory("bench-mosquitto-").FullName;
        var config = Path.Combine(dir, "mosquitto.conf");
        // mosquitto 2 listens on the given address only (loopback by default) and refuses anonymous clients unless told otherwise (methodology §7.4).
        await File.WriteAllLinesAsync(config,
        [
            $"listener {port.ToString(CultureInfo.InvariantCulture)} {host}",
            "allow_anonymous true",
            "persistence false",
            "max_queued_messages 10000",
            "log_dest stderr",
            "log_type error",
            "log_type warning",
        ], cancellationToken).ConfigureAwait(false);
        var spec = new ProcessSpec("mosquitto", Executable, ["-c", config], dir, new Dictionary<string, string>(), cpuList);
        var process = SupervisedProcess.Start(spec);
        var broker = new MosquittoBroker(process, host, port, dir);
        try
        {
            await TcpProbe.WaitUntilAcceptingAsync(process, port, TimeSpan.FromSeconds(10), cancellationToken, host).ConfigureAwait(false);
        }
        catch
        {
            await broker.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_configDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the broker itself is already stopped.
        }
    }
}
