using System.Diagnostics;
using System.Net.WebSockets;
using Bench.Backend.Tests.Support;

namespace Bench.Backend.Tests.EndToEnd;

[Collection(BackendProcessCollection.Name)]
public class ProcessLifecycleTests
{
    [Fact]
    public async Task Prints_the_ready_line_with_the_bound_port_and_its_pid_when_configured_by_environment()
    {
        await using var backend = await BackendProcess.StartAsync(arguments: [], new Dictionary<string, string> { ["BENCH_PORT"] = "0", ["BENCH_BROKER"] = "" });

        var match = BackendProcess.ReadyPattern().Match(backend.ReadyLine);
        Assert.True(match.Success, backend.ReadyLine);
        Assert.NotEqual(0, backend.Port);
        Assert.Equal(backend.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups["pid"].Value);
    }

    [Fact]
    public async Task Stops_with_exit_code_0_on_sigterm_while_a_websocket_is_open()
    {
        await using var backend = await BackendProcess.StartAsync(["--port", "0", "--workers", "2"]);
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(BackendProcess.StopDeadline);
        await socket.ConnectAsync(backend.WebSocketUri("/ws?deviceId=stopping"), timeout.Token);

        var exitCode = await backend.StopAsync();

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{backend.RecentOutput}");
    }

    [Fact]
    public async Task Exits_with_code_2_and_a_message_on_bad_options()
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.BackendDll, "--port", "not-a-port"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(BackendProcess.StartDeadline);

        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--port", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("BENCH-READY", await output, StringComparison.Ordinal);
    }
}
