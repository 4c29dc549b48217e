using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bench.Backend.Tests.Support;
using Bench.Mqtt;

namespace Bench.Backend.Tests.EndToEnd;

/// <summary>The dotnet-multi variant: <c>--workers N</c> (N &gt; 1) supervises N processes sharing one port.</summary>
[Collection(BackendProcessCollection.Name)]
public class MultiProcessTests
{
    // With 40 fresh connections spread by the kernel's hash, the chance that one of two workers gets none is 2^-39.
    private const int Connections = 40;
    private static readonly TimeSpan GoneDeadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Serves_one_port_from_two_worker_processes_that_are_children_of_the_supervisor()
    {
        await using var backend = await BackendProcess.StartAsync(["--port", "0", "--workers", "2"]);

        var workers = await WorkerProbe.StatsByWorkerAsync(backend.BaseAddress, Connections);

        Assert.Equal("dotnet-multi", BackendProcess.ReadyPattern().Match(backend.ReadyLine).Groups["backend"].Value);
        Assert.Equal(2, workers.Count);
        Assert.All(workers.Keys, pid => Assert.Equal(backend.Pid, ProcFs.ParentOf(pid)));
    }

    [Fact]
    public async Task Stops_every_worker_and_exits_0_on_sigterm()
    {
        await using var backend = await BackendProcess.StartAsync(["--port", "0", "--workers", "2"]);
        var workers = await WorkerProbe.StatsByWorkerAsync(backend.BaseAddress, Connections);

        var exitCode = await backend.StopAsync();

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{backend.RecentOutput}");
        Assert.All(workers.Keys, pid => Assert.False(ProcFs.IsRunning(pid), $"worker {pid} outlived the supervisor"));
    }

    [Fact]
    public async Task Exits_1_and_stops_the_other_workers_when_a_worker_dies()
    {
        await using var backend = await BackendProcess.StartAsync(["--port", "0", "--workers", "2"]);
        var workers = (await WorkerProbe.StatsByWorkerAsync(backend.BaseAddress, Connections)).Keys.ToList();

        using (var victim = Process.GetProcessById(workers[0]))
            victim.Kill();

        var exitCode = await backend.WaitForExitAsync();
        Assert.Equal(1, exitCode);
        Assert.True(await ProcFs.WaitUntilGoneAsync(workers[1], GoneDeadline), $"worker {workers[1]} still runs");
    }

    [Fact]
    public async Task Workers_stop_by_themselves_when_the_supervisor_is_killed()
    {
        await using var backend = await BackendProcess.StartAsync(["--port", "0", "--workers", "2"]);
        var workers = (await WorkerProbe.StatsByWorkerAsync(backend.BaseAddress, Connections)).Keys.ToList();

        using (var supervisor = Process.GetProcessById(backend.Pid))
            supervisor.Kill(entireProcessTree: false);

        foreach (var pid in workers)
            Assert.True(await ProcFs.WaitUntilGoneAsync(pid, GoneDeadline), $"orphaned worker {pid} still runs");
    }

    [Fact]
    public async Task Shares_the_mqtt_subscription_so_each_reading_is_processed_by_exactly_one_worker()
    {
        const int Devices = 40;
        await using var broker = await MosquittoProcess.StartAsync();
        await using var backend = await BackendProcess.StartAsync(["--port", "0", "--workers", "2", "--broker", broker.Url.ToString()]);
        var acks = new ConcurrentBag<string>();
        var allAcked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var device = await MqttClient.ConnectAsync(new MqttClientOptions("127.0.0.1", broker.Port, "multi-test"), (topic, _) =>
        {
            acks.Add(topic);
            if (acks.Count == Devices)
                allAcked.TrySetResult();
        }, timeout.Token);
        await device.SubscribeAsync("devices/+/ack", MqttQos.AtLeastOnce, timeout.Token);

        for (var i = 0; i < Devices; i++)
            await device.PublishAsync($"devices/multi-{i}/telemetry", Reading($"multi-{i}"), MqttQos.AtLeastOnce, timeout.Token);
        await allAcked.Task.WaitAsync(timeout.Token);

        var workers = await WorkerProbe.StatsByWorkerAsync(backend.BaseAddress, Connections);
        Assert.Equal(2, workers.Count);
        Assert.Equal(Devices, workers.Values.Sum(stats => stats["mqttMessages"]!.GetValue<long>()));
        Assert.Equal(Devices, workers.Values.Sum(stats => stats["accepted"]!.GetValue<long>()));
        Assert.All(workers.Values, stats => Assert.True(stats["mqttMessages"]!.GetValue<long>() > 0, "one worker got no share"));
    }

    private static byte[] Reading(string deviceId) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $$"""{"deviceId":"{{deviceId}}","seq":1,"ts":1763769600000,"temperature":21.5,"humidity":40,"battery":80}"""));
}
