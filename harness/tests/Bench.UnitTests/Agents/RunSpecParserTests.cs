using Bench.Harness.Agents;
using Bench.Harness.Orchestration;

namespace Bench.UnitTests.Agents;

public sealed class RunSpecParserTests
{
    private static readonly string[] Backends = ["node", "python", "dotnet"];

    [Fact]
    public void Defaults_give_one_reading_per_device_per_second_for_thirty_seconds_after_five_of_warm_up()
    {
        var spec = RunSpecParser.Parse(new RunOptions { Backend = "node", Workload = "ws-fleet", Devices = "200" }, Backends);

        Assert.Equal(RunWorkload.WsFleet, spec.Workload);
        Assert.Equal((200, 200.0, 64), (spec.Devices, spec.RatePerSecond, spec.Connections));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)), (spec.Duration, spec.Warmup));
        Assert.Null(spec.Agents);
        Assert.Equal(200, spec.Demand.Sockets);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var options = new RunOptions
        {
            Workload = "tcp-flood",
            Devices = "many",
            Rate = "0",
            Connections = "-1",
            Duration = "500ms",
            Warmup = "soon",
            Agents = "0",
            SummaryJson = "/no/such/folder/summary.json",
        };

        var ex = Assert.Throws<InvalidInputException>(() => RunSpecParser.Parse(options, Backends));

        Assert.Equal(9, ex.Errors.Count);
        string[] mentioned = ["--workload", "exactly one of --backend", "--devices", "--rate", "--connections", "--duration", "--warmup", "--agents", "--summary-json"];
        Assert.All(mentioned, m => Assert.Contains(ex.Errors, e => e.Contains(m, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("http://10.1.2.3:8080")]
    [InlineData("http://example.com:8080")]
    [InlineData("http://[2001:db8::1]:8080")]
    public void Targets_outside_loopback_are_refused(string target)
    {
        var ex = Assert.Throws<InvalidInputException>(() => RunSpecParser.Parse(new RunOptions { Target = target, Workload = "http-ingest" }, Backends));

        Assert.Contains("is not loopback", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://127.9.8.7:8080")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://[::1]:8080")]
    public void Loopback_targets_are_accepted(string target)
    {
        var spec = RunSpecParser.Parse(new RunOptions { Target = target, Workload = "http-ingest" }, Backends);

        Assert.Equal(new Uri(target), spec.Target);
        Assert.Equal(target, spec.BackendLabel.TrimEnd('/'));
    }

    [Fact]
    public void Mqtt_fleet_against_a_target_needs_a_loopback_broker()
    {
        var missing = Assert.Throws<InvalidInputException>(() => RunSpecParser.Parse(new RunOptions { Target = "http://127.0.0.1:1", Workload = "mqtt-fleet" }, Backends));
        var remote = Assert.Throws<InvalidInputException>(() => RunSpecParser.Parse(
            new RunOptions { Target = "http://127.0.0.1:1", Workload = "mqtt-fleet", Broker = "mqtt://192.168.1.5:1883" }, Backends));
        var spec = RunSpecParser.Parse(new RunOptions { Target = "http://127.0.0.1:1", Workload = "mqtt-fleet", Broker = "mqtt://127.0.0.1:1883" }, Backends);

        Assert.Contains("needs --broker", Assert.Single(missing.Errors), StringComparison.Ordinal);
        Assert.Contains("is not loopback", Assert.Single(remote.Errors), StringComparison.Ordinal);
        Assert.Equal(1883, spec.Broker!.Port);
    }

    [Fact]
    public void Contradictory_options_are_named()
    {
        var options = new RunOptions { Backend = "ruby", Workload = "ws-fleet", Broker = "mqtt://127.0.0.1:1883", Agents = "2", InProcess = true, Devices = "1" };

        var ex = Assert.Throws<InvalidInputException>(() => RunSpecParser.Parse(options, Backends));

        Assert.Contains(ex.Errors, e => e.Contains("'ruby' is not in workloads/backends.yaml: one of node, python, dotnet", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("--broker is only for --target", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("--agents and --in-process exclude each other", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("more than --devices 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("45", 45)]
    [InlineData("45s", 45)]
    [InlineData("2m", 120)]
    [InlineData("1h", 3600)]
    public void Durations_are_whole_seconds_with_an_optional_unit(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("1.5s")]
    [InlineData("500ms")]
    [InlineData("-3")]
    [InlineData("5hm")]
    [InlineData("")]
    public void Other_durations_are_refused(string text) => Assert.False(DurationText.TryParse(text, out _));
}
