using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bench.Backend.Tests.Support;

namespace Bench.Backend.Tests.EndToEnd;

/// <summary>
/// <c>--broker url1,url2</c>: a fleet spread over several mosquitto instances. Each test starts two private brokers
/// and the built backend as a child process; the device side is one MQTT client per broker, listening for replies.
/// </summary>
[Collection(BackendProcessCollection.Name)]
public class MultiBrokerTests
{
    // With 40 fresh connections spread by the kernel's hash, the chance that one of two workers gets none is 2^-39.
    private const int Connections = 40;
    private static readonly TimeSpan ReplyDeadline = TimeSpan.FromSeconds(10);
    // A reply sent to the wrong broker would leave the backend together with the right one; 1 s is ample to see it.
    private static readonly TimeSpan StrayWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LogDeadline = TimeSpan.FromSeconds(5);
    // Contract §1: exit within 5 s of SIGTERM.
    private static readonly TimeSpan ContractStop = TimeSpan.FromSeconds(5);
    // The backend retries a lost broker after at most 5 s; a resubscription comes well within this.
    private static readonly TimeSpan ReconnectDeadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Answers_each_reading_on_the_broker_it_arrived_on_and_never_on_the_other()
    {
        await using var a = await MosquittoProcess.StartAsync();
        await using var b = await MosquittoProcess.StartAsync();
        await using var backend = await BackendProcess.StartAsync(["--port", "0", "--broker", BrokerList(a, b)]);
        await using var onA = await MqttDevice.ConnectAsync(a, "test-device-a");
        await using var onB = await MqttDevice.ConnectAsync(b, "test-device-b");

        await onA.PublishAsync("dev-a", MqttDevice.Reading("dev-a", 7));
        await onB.PublishAsync("dev-b", MqttDevice.Reading("dev-b", 9));
        await onA.PublishAsync("bad-a", MqttDevice.Reading("not-bad-a", 1));
        await onB.PublishAsync("bad-b", "not json"u8.ToArray());

        Assert.Equal("""{"seq":7}""", await onA.WaitForReplyAsync("devices/dev-a/ack", ReplyDeadline));
        Assert.Equal("""{"seq":9}""", await onB.WaitForReplyAsync("devices/dev-b/ack", ReplyDeadline));
        Assert.StartsWith("""{"error":""", await onA.WaitForReplyAsync("devices/bad-a/error", ReplyDeadline), StringComparison.Ordinal);
        Assert.StartsWith("""{"error":""", await onB.WaitForReplyAsync("devices/bad-b/error", ReplyDeadline), StringComparison.Ordinal);
        await Task.Delay(StrayWindow);

        Assert.Equal(["devices/bad-a/error", "devices/dev-a/ack"], onA.Replies.Select(r => r.Topic).Order(StringComparer.Ordinal));
        Assert.Equal(["devices/bad-b/error", "devices/dev-b/ack"], onB.Replies.Select(r => r.Topic).Order(StringComparer.Ordinal));
        var stats = await StatsAsync(backend.BaseAddress);
        Assert.Equal((4, 2, 2), (stats["mqttMessages"]!.GetValue<long>(), stats["accepted"]!.GetValue<long>(), stats["rejected"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Connects_to_each_broker_with_its_own_client_id_and_disconnects_from_each_within_5_s_of_sigterm()
    {
        await using var a = await MosquittoProcess.StartAsync();
        await using var b = await MosquittoProcess.StartAsync();
        await using var backend = await BackendProcess.StartAsync(["--port", "0", "--broker", BrokerList(a, b)]);
        var onA = ClientId(backend.Pid, 0);
        var onB = ClientId(backend.Pid, 1);

        // p2 = MQTT 3.1.1, c1 = clean session, k30 = keep-alive 30 s; the subscription is the plain one (one process).
        AssertConnected(a, onA, "devices/+/telemetry");
        AssertConnected(b, onB, "devices/+/telemetry");
        Assert.DoesNotContain(a.Log, line => line.Contains(onB, StringComparison.Ordinal));
        Assert.DoesNotContain(b.Log, line => line.Contains(onA, StringComparison.Ordinal));

        var stopwatch = Stopwatch.StartNew();
        var exitCode = await backend.StopAsync();
        stopwatch.Stop();

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{backend.RecentOutput}");
        Assert.True(stopwatch.Elapsed < ContractStop, $"stopped in {stopwatch.Elapsed}");
        Assert.True(await a.WaitForLogLineAsync($"Received DISCONNECT from {onA}", LogDeadline), string.Join('\n', a.Log));
        Assert.True(await b.WaitForLogLineAsync($"Received DISCONNECT from {onB}", LogDeadline), string.Join('\n', b.Log));
    }

    [Fact]
    public async Task Prints_the_ready_line_only_once_every_broker_acknowledged_its_subscription()
    {
        await using var a = await MosquittoProcess.StartAsync();
        var latePort = MosquittoProcess.FreePort();
        var starting = BackendProcess.StartAsync(["--port", "0", "--broker", $"{a.Url},mqtt://127.0.0.1:{latePort}"]);
        MosquittoProcess? b = null;
        try
        {
            // The first broker's subscription is acknowledged within milliseconds; the second broker is not there yet.
            Assert.True(await a.WaitForLogLineAsync(line => line.StartsWith("Sending SUBACK to bench-dotnet-", StringComparison.Ordinal), BackendProcess.StartDeadline),
                string.Join('\n', a.Log));
            await Task.WhenAny(starting, Task.Delay(TimeSpan.FromSeconds(2)));
            Assert.False(starting.IsCompleted, "the ready line came while the second broker was still down");

            b = await MosquittoProcess.StartAsync(latePort);
            await starting;
            await using var onB = await MqttDevice.ConnectAsync(b, "test-device-late");
            await onB.PublishAsync("late", MqttDevice.Reading("late", 3));

            Assert.Equal("""{"seq":3}""", await onB.WaitForReplyAsync("devices/late/ack", ReplyDeadline));
        }
        finally
        {
            await DisposeOnceStartedAsync(starting);
            if (b is not null)
                await b.DisposeAsync();
        }
    }

    [Fact]
    public async Task Keeps_answering_on_one_broker_and_over_http_while_the_other_is_down_and_reconnects_to_it_alone()
    {
        await using var a = await MosquittoProcess.StartAsync();
        var b = await MosquittoProcess.StartAsync();
        try
        {
            await using var backend = await BackendProcess.StartAsync(["--port", "0", "--broker", BrokerList(a, b)]);
            var idOnB = ClientId(backend.Pid, 1);
            var portB = b.Port;
            await b.DisposeAsync();
            b = null;

            await using (var onA = await MqttDevice.ConnectAsync(a, "test-device-a"))
            {
                await onA.PublishAsync("while-b-is-down", MqttDevice.Reading("while-b-is-down", 1));
                Assert.Equal("""{"seq":1}""", await onA.WaitForReplyAsync("devices/while-b-is-down/ack", ReplyDeadline));
            }
            using (var http = new HttpClient { BaseAddress = backend.BaseAddress, Timeout = ReplyDeadline })
            using (var health = await http.GetAsync(new Uri("health", UriKind.Relative)))
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);

            b = await MosquittoProcess.StartAsync(portB);
            Assert.True(await b.WaitForLogLineAsync($"Sending SUBACK to {idOnB}", ReconnectDeadline), string.Join('\n', b.Log));
            await using var onB = await MqttDevice.ConnectAsync(b, "test-device-b");
            await onB.PublishAsync("after-restart", MqttDevice.Reading("after-restart", 2));

            Assert.Equal("""{"seq":2}""", await onB.WaitForReplyAsync("devices/after-restart/ack", ReplyDeadline));
            Assert.Equal(1, a.Log.Count(line => line.EndsWith($" as {ClientId(backend.Pid, 0)} (p2, c1, k30).", StringComparison.Ordinal)));
        }
        finally
        {
            if (b is not null)
                await b.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_two_workers_every_worker_subscribes_on_every_broker_and_answers_on_the_arrival_broker()
    {
        const int DevicesPerBroker = 20;
        await using var a = await MosquittoProcess.StartAsync();
        await using var b = await MosquittoProcess.StartAsync();
        await using var backend = await BackendProcess.StartAsync(["--port", "0", "--workers", "2", "--broker", BrokerList(a, b)]);
        await using var onA = await MqttDevice.ConnectAsync(a, "test-device-a");
        await using var onB = await MqttDevice.ConnectAsync(b, "test-device-b");

        for (var i = 0; i < DevicesPerBroker; i++)
        {
            await onA.PublishAsync($"a-{i}", MqttDevice.Reading($"a-{i}", i));
            await onB.PublishAsync($"b-{i}", MqttDevice.Reading($"b-{i}", i));
        }
        for (var i = 0; i < DevicesPerBroker; i++)
        {
            Assert.NotNull(await onA.WaitForReplyAsync($"devices/a-{i}/ack", ReplyDeadline));
            Assert.NotNull(await onB.WaitForReplyAsync($"devices/b-{i}/ack", ReplyDeadline));
        }
        await Task.Delay(StrayWindow);

        Assert.All(onA.Replies, reply => Assert.StartsWith("devices/a-", reply.Topic, StringComparison.Ordinal));
        Assert.All(onB.Replies, reply => Assert.StartsWith("devices/b-", reply.Topic, StringComparison.Ordinal));
        Assert.Equal((DevicesPerBroker, DevicesPerBroker), (onA.Replies.Count, onB.Replies.Count));
        var workers = await WorkerProbe.StatsByWorkerAsync(backend.BaseAddress, Connections);
        Assert.Equal(2, workers.Count);
        Assert.Equal(2 * DevicesPerBroker, workers.Values.Sum(stats => stats["mqttMessages"]!.GetValue<long>()));
        Assert.All(workers.Values, stats => Assert.True(stats["mqttMessages"]!.GetValue<long>() > 0, "one worker got no share"));
        foreach (var pid in workers.Keys)
        {
            AssertConnected(a, ClientId(pid, 0), "$share/bench/devices/+/telemetry");
            AssertConnected(b, ClientId(pid, 1), "$share/bench/devices/+/telemetry");
        }

        var stopwatch = Stopwatch.StartNew();
        var exitCode = await backend.StopAsync();
        stopwatch.Stop();

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{backend.RecentOutput}");
        Assert.True(stopwatch.Elapsed < ContractStop, $"stopped in {stopwatch.Elapsed}");
        foreach (var pid in workers.Keys)
        {
            Assert.True(await a.WaitForLogLineAsync($"Received DISCONNECT from {ClientId(pid, 0)}", LogDeadline), string.Join('\n', a.Log));
            Assert.True(await b.WaitForLogLineAsync($"Received DISCONNECT from {ClientId(pid, 1)}", LogDeadline), string.Join('\n', b.Log));
        }
    }

    [NumPyFact]
    public async Task The_numpy_analyzer_variant_answers_on_every_broker_too()
    {
        await using var a = await MosquittoProcess.StartAsync();
        await using var b = await MosquittoProcess.StartAsync();
        await using var backend = await BackendProcess.StartAsync(["--port", "0", "--broker", BrokerList(a, b)],
            new Dictionary<string, string> { ["BENCH_ANALYZER"] = "numpy" });
        await using var onA = await MqttDevice.ConnectAsync(a, "test-device-a");
        await using var onB = await MqttDevice.ConnectAsync(b, "test-device-b");

        await onA.PublishAsync("py-a", MqttDevice.Reading("py-a", 4));
        await onB.PublishAsync("py-b", MqttDevice.Reading("py-b", 5));
        using var http = new HttpClient { BaseAddress = backend.BaseAddress, Timeout = ReplyDeadline };
        using var job = await http.PostAsync(new Uri("jobs/analyze", UriKind.Relative), new StringContent(
            """{"samples":[1,2,1,2,1,2,1,2,1,2,1,2,1,2,1,2],"sampleRateHz":2,"window":2}""", Encoding.UTF8, "application/json"));

        Assert.Equal("""{"seq":4}""", await onA.WaitForReplyAsync("devices/py-a/ack", ReplyDeadline));
        Assert.Equal("""{"seq":5}""", await onB.WaitForReplyAsync("devices/py-b/ack", ReplyDeadline));
        Assert.Equal(HttpStatusCode.OK, job.StatusCode);
        await Task.Delay(StrayWindow);
        Assert.Equal((1, 1), (onA.Replies.Count, onB.Replies.Count));
    }

    [Theory]
    [InlineData("mqtt://127.0.0.1:1883,http://127.0.0.1:1884", "'http://127.0.0.1:1884'")]
    [InlineData("mqtt://127.0.0.1:1883,,mqtt://127.0.0.1:1884", "entry 2")]
    [InlineData("mqtt://127.0.0.1:1883,mqtt://127.0.0.1:1883", "'mqtt://127.0.0.1:1883' and 'mqtt://127.0.0.1:1883'")]
    public async Task Exits_with_code_2_naming_the_bad_entry_of_a_broker_list(string brokers, string named)
    {
        foreach (var (arguments, environment) in new (string[], string?)[] { (["--port", "0", "--broker", brokers], null), (["--port", "0"], brokers) })
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(RepositoryPaths.BackendDll);
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            if (environment is not null)
                start.Environment["BENCH_BROKER"] = environment;
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(BackendProcess.StartDeadline);
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
                var errors = await process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);

                Assert.Equal(2, process.ExitCode);
                Assert.Contains("--broker", errors, StringComparison.Ordinal);
                Assert.Contains(named, errors, StringComparison.Ordinal);
                Assert.DoesNotContain("BENCH-READY", await output, StringComparison.Ordinal);
            }
            finally
            {
                if (!process.HasExited)
                    process.Kill();
            }
        }
    }

    private static string BrokerList(MosquittoProcess first, MosquittoProcess second) =>
        string.Create(CultureInfo.InvariantCulture, $"mqtt://127.0.0.1:{first.Port},mqtt://127.0.0.1:{second.Port}");

    private static string ClientId(int pid, int broker) => string.Create(CultureInfo.InvariantCulture, $"bench-dotnet-{pid}-{broker}");

    /// <summary>The broker logged exactly one connection of <paramref name="clientId"/> (MQTT 3.1.1, clean session,
    /// keep-alive 30 s) and its QoS 1 subscription to <paramref name="filter"/>.</summary>
    private static void AssertConnected(MosquittoProcess broker, string clientId, string filter)
    {
        var log = broker.Log;
        Assert.True(log.Count(line => line.StartsWith("New client connected from ", StringComparison.Ordinal)
            && line.EndsWith($" as {clientId} (p2, c1, k30).", StringComparison.Ordinal)) == 1, $"{clientId} did not connect once:\n{string.Join('\n', log)}");
        Assert.Contains($"{clientId} 1 {filter}", log);
    }

    private static async Task<JsonNode> StatsAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = ReplyDeadline };
        return JsonNode.Parse(await http.GetStringAsync(new Uri("stats", UriKind.Relative)))!;
    }

    /// <summary>Disposes the backend of <paramref name="starting"/> once it started; a start that failed left nothing running.</summary>
    private static async Task DisposeOnceStartedAsync(Task<BackendProcess> starting)
    {
        BackendProcess backend;
        try
        {
            backend = await starting;
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            return;
        }
        await backend.DisposeAsync();
    }
}
