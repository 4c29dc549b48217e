using Bench.Load.Engine;

namespace Bench.IntegrationTests.Load;

/// <summary>The load engine's WebSocket client against <see cref="ScriptedWebSocketServer"/>: the parts of RFC 6455
/// the backends seldom exercise.</summary>
public sealed class WebSocketProtocolTests
{
    private const int Devices = 20;

    [Fact(Timeout = 60_000)]
    public async Task A_fleet_answers_pings_joins_fragmented_acks_and_closes_with_a_close_frame()
    {
        await using var server = ScriptedWebSocketServer.Start();
        var spec = new FleetLoadSpec
        {
            Protocol = LoadProtocol.WebSocket,
            Target = new LoadTarget(server.BaseAddress),
            Devices = Devices,
            Interval = TimeSpan.FromMilliseconds(250),
            ConnectRate = 100,
            WarmUp = TimeSpan.FromSeconds(1),
            Duration = TimeSpan.FromSeconds(2),
            SendTimeout = TimeSpan.FromSeconds(5),
        };

        var result = await LoadEngine.RunAsync(spec, null, CancellationToken.None);

        Assert.Equal(new ConnectionSummary(Devices, Devices, 0, 0), result.Connections);
        Assert.InRange(result.Sent, Devices, int.MaxValue);
        Assert.Equal(result.Sent, result.Acked);
        Assert.Equal(0, result.TotalErrors);
        // One ping right behind each 101 response, and one inside every fragmented ack (the warm-up's too).
        Assert.InRange(server.Pongs, Devices + result.Acked, int.MaxValue);
        Assert.Equal(Devices, server.CloseFrames);
    }
}
