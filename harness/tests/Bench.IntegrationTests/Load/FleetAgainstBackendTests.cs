using Bench.Harness.Orchestration;
using Bench.Harness.Supervision;
using Bench.Load.Engine;
using Bench.Mqtt;
using Bench.IntegrationTests.Supervision;

namespace Bench.IntegrationTests.Load;

/// <summary>Device fleets against the real Node.js backend (and a real mosquitto): every device connects and is answered.</summary>
[Collection(ProcessCollection.Name)]
public sealed class FleetAgainstBackendTests
{
    private const int Devices = 300;

    private static readonly string Root = RepositoryRoot.Locate();

    [Fact(Timeout = 120_000)]
    public async Task A_websocket_fleet_connects_every_device_and_every_send_is_acknowledged()
    {
        await using var backend = await RunningBackend.StartAsync(Node(), Root, null, 1, null, CancellationToken.None);

        // Readings with a vibration array: the backend validates it (contract §2) and still acks every one.
        var spec = Fleet(LoadProtocol.WebSocket, new LoadTarget(backend.BaseAddress)) with { VibrationSamples = 64 };

        var result = await LoadEngine.RunAsync(spec, null, CancellationToken.None);

        AssertEveryDeviceAnswered(result);
    }

    [Theory(Timeout = 120_000)]
    [InlineData(MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtLeastOnce)]
    public async Task An_mqtt_fleet_connects_every_device_and_every_publish_is_acknowledged_by_the_backend(MqttQos qos)
    {
        await using var broker = await MosquittoBroker.StartAsync(null, CancellationToken.None);
        await using var backend = await RunningBackend.StartAsync(Node(), Root, broker.Url, 1, null, CancellationToken.None);
        var target = new LoadTarget(backend.BaseAddress, "127.0.0.1", broker.Port);

        var result = await LoadEngine.RunAsync(Fleet(LoadProtocol.Mqtt, target) with { MqttQos = qos }, null, CancellationToken.None);

        AssertEveryDeviceAnswered(result);
    }

    [Fact(Timeout = 120_000)]
    public async Task Mqtt_devices_sending_vibration_to_the_hybrid_pipeline_get_every_analysis_result_matched_by_seq()
    {
        await using var broker = await MosquittoBroker.StartAsync(null, CancellationToken.None);
        var hybrid = BackendCatalog.Load(Root).Select(["hybrid"])[0];
        await using var backend = await RunningBackend.StartAsync(hybrid, Root, broker.Url, 2, null, CancellationToken.None);
        var target = new LoadTarget(backend.BaseAddress, "127.0.0.1", broker.Port);
        var spec = Fleet(LoadProtocol.Mqtt, target) with { Devices = 20, VibrationSamples = 256, MqttReply = MqttReply.Analysis, MqttQos = MqttQos.AtLeastOnce };

        var result = await LoadEngine.RunAsync(spec, null, CancellationToken.None);

        // 20 devices every 0.5 s ± 10% for 3 s: about 120 readings, each analysed by a Python worker and answered.
        Assert.Equal(new ConnectionSummary(20, 20, 0, 0), result.Connections);
        Assert.InRange(result.Sent, 100, 140);
        Assert.Equal(result.Sent, result.Acked);
        Assert.Equal(0, result.TotalErrors);
        Assert.Equal(result.Acked, result.Latency.TotalCount);
    }

    [Fact(Timeout = 120_000)]
    public async Task Waiting_for_analysis_from_a_backend_that_only_acks_counts_every_send_as_a_timeout()
    {
        await using var broker = await MosquittoBroker.StartAsync(null, CancellationToken.None);
        await using var backend = await RunningBackend.StartAsync(Node(), Root, broker.Url, 1, null, CancellationToken.None);
        var target = new LoadTarget(backend.BaseAddress, "127.0.0.1", broker.Port);
        var spec = Fleet(LoadProtocol.Mqtt, target) with
        {
            Devices = 10, VibrationSamples = 64, MqttReply = MqttReply.Analysis, SendTimeout = TimeSpan.FromSeconds(1),
        };

        var result = await LoadEngine.RunAsync(spec, null, CancellationToken.None);

        // The node backend acks on devices/{id}/ack, which these devices do not wait for: nothing is matched, and every
        // send that left times out. A send falling due while the device's in-flight slots all wait is a backpressure
        // error instead (never sent), so it is not among the timeouts.
        Assert.InRange(result.Sent, 40, 80);
        Assert.Equal(0, result.Acked);
        Assert.Equal(result.Sent, result.Errors[Bench.Load.Recording.ErrorKind.Timeout]);
        Assert.Equal(result.Sent + result.Errors[Bench.Load.Recording.ErrorKind.Backpressure], result.TotalErrors);
        Assert.Equal(0, result.Dropped);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_device_whose_earlier_sends_are_unanswered_records_backpressure_errors_not_drops_that_blame_the_generator()
    {
        await using var broker = await MosquittoBroker.StartAsync(null, CancellationToken.None);
        await using var backend = await RunningBackend.StartAsync(Node(), Root, broker.Url, 1, null, CancellationToken.None);
        var target = new LoadTarget(backend.BaseAddress, "127.0.0.1", broker.Port);
        // No analysis ever comes from node: each device's one in-flight slot stays taken until its 3 s timeout.
        var spec = Fleet(LoadProtocol.Mqtt, target) with
        {
            Devices = 10, MqttReply = MqttReply.Analysis, MaxInFlightPerDevice = 1, SendTimeout = TimeSpan.FromSeconds(3),
        };

        var result = await LoadEngine.RunAsync(spec, null, CancellationToken.None);

        Assert.True(result.Errors[Bench.Load.Recording.ErrorKind.Backpressure] > 0, "busy devices must record backpressure");
        Assert.Equal(0, result.Dropped);
        Assert.Equal(0, result.Acked);
        Assert.False(result.Saturation.IsSaturated, result.Saturation.Reason);
    }

    private static BackendSpec Node() => BackendCatalog.Load(Root).Select(["node"])[0];

    private static FleetLoadSpec Fleet(LoadProtocol protocol, LoadTarget target) => new()
    {
        Protocol = protocol,
        Target = target,
        Devices = Devices,
        Interval = TimeSpan.FromMilliseconds(500),
        ConnectRate = 500,
        WarmUp = TimeSpan.FromSeconds(1),
        Duration = TimeSpan.FromSeconds(3),
        SendTimeout = TimeSpan.FromSeconds(5),
    };

    private static void AssertEveryDeviceAnswered(LoadResult result)
    {
        Assert.Equal(new ConnectionSummary(Devices, Devices, 0, 0), result.Connections);
        Assert.Equal(Devices, result.ConnectTime.TotalCount);
        // 300 devices every 0.5 s ± 10% for 3 s: about 1,800 sends, each answered.
        Assert.InRange(result.Sent, 1_600, 2_000);
        Assert.Equal(result.Sent, result.Acked);
        Assert.Equal(0, result.TotalErrors);
        Assert.Equal(0, result.Dropped);
        Assert.Equal(result.Acked, result.Latency.TotalCount);
        Assert.All(result.Intervals.Take(3), i => Assert.Equal(Devices, i.OpenConnections));
    }
}
