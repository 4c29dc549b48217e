using System.Net;
using Bench.Load.Engine;
using Bench.Load.Scheduling;
using Bench.Mqtt;

namespace Bench.UnitTests.Engine;

public sealed class LoadSpecTests
{
    private static readonly LoadTarget Target = new(new Uri("http://127.0.0.1:8080/"), "127.0.0.1", 1883);

    [Fact]
    public void Every_model_survives_a_json_round_trip_as_its_own_type()
    {
        LoadSpec[] specs =
        [
            new OpenLoadSpec { Protocol = LoadProtocol.Http, Target = Target, Stages = [ArrivalStage.Ramp(10, 100, TimeSpan.FromSeconds(30))], Backpressure = BackpressurePolicy.Drop },
            new ClosedLoadSpec { Protocol = LoadProtocol.WebSocket, Target = Target, Connections = 8, Interval = TimeSpan.FromMilliseconds(250) },
            new FleetLoadSpec { Protocol = LoadProtocol.Mqtt, Target = Target, Devices = 20_000, MqttQos = MqttQos.AtLeastOnce, SourceAddress = IPAddress.Parse("127.0.0.3"), DeviceIdOffset = 40_000 },
        ];

        foreach (var spec in specs)
        {
            var back = LoadJson.Deserialize<LoadSpec>(LoadJson.Serialize(spec));

            Assert.IsType(spec.GetType(), back);
            Assert.Equal(LoadJson.Serialize(spec), LoadJson.Serialize(back));
        }
    }

    [Fact]
    public void The_model_and_enums_are_written_as_words()
    {
        string json = LoadJson.Serialize<LoadSpec>(new FleetLoadSpec { Protocol = LoadProtocol.WebSocket, Target = Target });

        Assert.Contains("\"model\":\"fleet\"", json, StringComparison.Ordinal);
        Assert.Contains("\"protocol\":\"WebSocket\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Device_ids_carry_the_agent_offset_so_agents_never_collide()
    {
        var spec = new FleetLoadSpec { Protocol = LoadProtocol.Mqtt, Target = Target, DeviceIdPrefix = "a1-", DeviceIdOffset = 20_000 };

        Assert.Equal("a1-020000", spec.DeviceId(0));
        Assert.Equal("a1-020123", spec.DeviceId(123));
    }

    [Fact]
    public void Devices_spread_over_several_brokers_by_their_number_so_every_broker_holds_an_even_share()
    {
        var target = new LoadTarget(new Uri("http://127.0.0.1:1/"), "127.0.0.1", 1883) { MoreMqttPorts = [1884, 1885] };

        var ports = Enumerable.Range(0, 9_000).Select(n => target.MqttPortFor(18_000 + n)).ToList();

        Assert.Equal([1883, 1884, 1885], target.MqttPorts);
        Assert.Equal(1883, target.MqttPortFor(18_000));
        Assert.Equal(1885, target.MqttPortFor(18_002));
        Assert.All(ports.CountBy(p => p), entry => Assert.Equal(3_000, entry.Value));
        Assert.Equal(1883, (target with { MoreMqttPorts = [] }).MqttPortFor(18_002));
    }

    [Fact]
    public void Validation_refuses_a_broker_port_listed_twice()
    {
        var spec = new FleetLoadSpec
        {
            Protocol = LoadProtocol.Mqtt,
            Target = new LoadTarget(new Uri("http://127.0.0.1:1/"), "127.0.0.1", 1883) { MoreMqttPorts = [1884, 1883] },
        };

        Assert.Contains(spec.Validate(), e => e.StartsWith("target.moreMqttPorts", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_reports_every_problem_at_once()
    {
        var spec = new FleetLoadSpec
        {
            Protocol = LoadProtocol.Mqtt,
            Target = new LoadTarget(new Uri("http://127.0.0.1:1/")),
            Devices = 0,
            Jitter = 0.9,
            Duration = TimeSpan.FromMilliseconds(1500),
            Operation = LoadOperation.Analyze,
        };

        var errors = spec.Validate();

        Assert.Contains(errors, e => e.StartsWith("duration", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("device or connection count", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("jitter", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("operation analyze", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("protocol mqtt needs", StringComparison.Ordinal));
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void Vibration_and_the_analysis_reply_are_checked_and_survive_the_trip_to_an_agent()
    {
        var wrong = new FleetLoadSpec { Protocol = LoadProtocol.WebSocket, Target = Target, VibrationSamples = 2000, MqttReply = MqttReply.Analysis };
        var right = new FleetLoadSpec { Protocol = LoadProtocol.Mqtt, Target = Target, VibrationSamples = 256, MqttReply = MqttReply.Analysis };

        Assert.Equal(
            ["vibrationSamples must be in [0, 1024], was 2000", "mqttReply analysis needs protocol mqtt"],
            wrong.Validate());
        Assert.Empty(right.Validate());
        var back = Assert.IsType<FleetLoadSpec>(LoadJson.Deserialize<LoadSpec>(LoadJson.Serialize<LoadSpec>(right)));
        Assert.Equal((256, MqttReply.Analysis), (back.VibrationSamples, back.MqttReply));
        Assert.Contains("\"mqttReply\":\"Analysis\"", LoadJson.Serialize<LoadSpec>(right), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_stages_must_cover_the_measured_window_and_warm_up_runs_at_the_first_rate()
    {
        var spec = new OpenLoadSpec
        {
            Protocol = LoadProtocol.Http,
            Target = Target,
            WarmUp = TimeSpan.FromSeconds(2),
            Duration = TimeSpan.FromSeconds(10),
            Stages = [ArrivalStage.Ramp(100, 200, TimeSpan.FromSeconds(10))],
        };

        Assert.Empty(spec.Validate());
        Assert.Equal(200 + 1500, spec.ToPlan().TotalSends);
        Assert.NotEmpty((spec with { Duration = TimeSpan.FromSeconds(9) }).Validate());
    }
}
