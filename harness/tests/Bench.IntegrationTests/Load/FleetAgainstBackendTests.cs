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

        var result = await LoadEngine.RunAsync(Fleet(LoadProtocol.WebSocket, new LoadTarget(backend.BaseAddress)), null, CancellationToken.None);

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
