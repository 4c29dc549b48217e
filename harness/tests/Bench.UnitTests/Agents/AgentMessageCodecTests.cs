using System.Net;
using Bench.Harness.Agents.Protocol;
using Bench.Load.Engine;

namespace Bench.UnitTests.Agents;

public sealed class AgentMessageCodecTests
{
    private static readonly LoadTarget Target = new(new Uri("http://127.0.0.1:8080/"));

    [Fact]
    public void A_run_message_keeps_the_fleet_spec_with_its_device_range_and_source_address()
    {
        var spec = new FleetLoadSpec
        {
            Protocol = LoadProtocol.WebSocket,
            Target = Target,
            Devices = 100,
            DeviceIdOffset = 100,
            SourceAddress = IPAddress.Parse("127.0.0.3"),
            Interval = TimeSpan.FromMilliseconds(500),
            Seed = 2,
        };

        var line = AgentMessageCodec.Write(new RunMessage(spec));

        Assert.StartsWith("{\"type\":\"run\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
        Assert.True(AgentMessageCodec.TryRead(line, out var message, out _));
        var read = Assert.IsType<FleetLoadSpec>(Assert.IsType<RunMessage>(message).Spec);
        Assert.Equal(spec, read);
        Assert.Equal("dev-000100", read.DeviceId(0));
        Assert.Equal(IPAddress.Parse("127.0.0.3"), read.SourceAddress);
    }

    [Fact]
    public void A_run_message_keeps_every_broker_port_of_a_fleet_spread_over_several_brokers()
    {
        var spec = new FleetLoadSpec
        {
            Protocol = LoadProtocol.Mqtt,
            Target = new LoadTarget(new Uri("http://127.0.0.1:8080/"), "127.0.0.1", 1883) { MoreMqttPorts = [1884, 1885] },
            Devices = 10,
            DeviceIdOffset = 20,
            Interval = TimeSpan.FromSeconds(5),
        };

        Assert.True(AgentMessageCodec.TryRead(AgentMessageCodec.Write(new RunMessage(spec)), out var message, out _));

        var read = Assert.IsType<FleetLoadSpec>(Assert.IsType<RunMessage>(message).Spec);
        Assert.Equal(spec, read);
        Assert.Equal([1883, 1884, 1885], read.Target.MqttPorts);
    }

    [Fact]
    public void A_result_message_carries_the_histogram_exactly()
    {
        var result = SampleResults.With(3, 1_000, 2_000, 50_000);

        Assert.True(AgentMessageCodec.TryRead(AgentMessageCodec.Write(new ResultMessage(result)), out var message, out _));

        var read = Assert.IsType<ResultMessage>(message).Result;
        Assert.Equal(3, read.Acked);
        Assert.Equal(1, read.Errors[Bench.Load.Recording.ErrorKind.Timeout]);
        Assert.Equal(result.Latency.TotalCount, read.Latency.TotalCount);
        Assert.Equal(result.Latency.ValueAtPercentile(99), read.Latency.ValueAtPercentile(99));
        Assert.Equal(result.Latency.Max, read.Latency.Max);
    }

    [Fact]
    public void Control_messages_round_trip_by_their_type_names()
    {
        AgentMessage[] messages =
        [
            new ReadyMessage(),
            new StopMessage(),
            new ErrorMessage("connect refused"),
            new ProgressMessage(null),
            new ProgressMessage(new LoadProgress(TimeSpan.FromSeconds(3), LoadPhase.Measuring, 100, 99, 1200, 50, 1, 0.2)),
        ];

        foreach (var sent in messages)
        {
            Assert.True(AgentMessageCodec.TryRead(AgentMessageCodec.Write(sent), out var read, out var problem), problem);
            Assert.Equal(sent, read);
        }

        Assert.Equal("{\"type\":\"stop\"}", AgentMessageCodec.Write(new StopMessage()));
    }

    [Fact]
    public void A_hand_written_message_may_put_its_type_anywhere()
    {
        Assert.True(AgentMessageCodec.TryRead("{\"message\":\"boom\",\"type\":\"error\"}", out var message, out _));

        Assert.Equal(new ErrorMessage("boom"), message);
    }

    [Theory]
    [InlineData("Unhandled exception. System.Exception")]
    [InlineData("{\"type\":\"dance\"}")]
    [InlineData("{\"type\":\"run\",\"spec\":{\"model\":\"open\",\"protocol\":")]
    public void Anything_else_is_not_a_message(string line)
    {
        Assert.False(AgentMessageCodec.TryRead(line, out var message, out var problem));
        Assert.Null(message);
        Assert.NotNull(problem);
    }
}
