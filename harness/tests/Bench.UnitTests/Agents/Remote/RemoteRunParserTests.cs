using Bench.Harness.Agents;
using Bench.Harness.Agents.Remote;
using Bench.Harness.Orchestration;
using Bench.Harness.Preflight;

namespace Bench.UnitTests.Agents.Remote;

public sealed class RemoteRunParserTests
{
    private const string Token = "0123456789abcdef0123";
    private static readonly string[] Backends = ["node", "python", "dotnet"];

    [Fact]
    public void Splits_the_fleet_in_one_share_per_agent_aimed_at_a_non_loopback_target()
    {
        var options = new RunOptions { Target = "http://10.200.0.1:8080", Workload = "http-ingest", Devices = "101" };

        var remote = RemoteRunParser.Parse(options, new RemoteAgentOptions("10.200.0.2:7070,10.200.0.2:7071", Token, null), Backends, SystemLimits.Typical);

        Assert.Equal(new Uri("http://10.200.0.1:8080"), remote.Run.Target);
        Assert.Equal([51, 50], remote.Plan.Agents.Select(a => a.Devices));
        Assert.All(remote.Plan.Agents, a => Assert.Null(a.SourceAddress));
        Assert.Equal(["10.200.0.1"], remote.Hello.Targets);
        Assert.Equal(Token, remote.Hello.Token);
    }

    [Fact]
    public void Lists_the_broker_among_the_targets_for_mqtt()
    {
        var options = new RunOptions { Target = "http://10.200.0.1:8080", Broker = "mqtt://10.200.0.5:1883", Workload = "mqtt-fleet", Devices = "10" };

        var remote = RemoteRunParser.Parse(options, new RemoteAgentOptions("agent:7070", null, Token), Backends, SystemLimits.Typical);

        Assert.Equal(["10.200.0.1", "10.200.0.5"], remote.Hello.Targets);
        Assert.Equal(("10.200.0.5", 1883), (remote.Target.MqttHost, remote.Target.MqttPort));
    }

    [Fact]
    public void Reports_every_error_at_once()
    {
        var options = new RunOptions { Backend = "node", Workload = "udp", Devices = "1", Agents = "2" };

        var ex = Assert.Throws<InvalidInputException>(() =>
            RemoteRunParser.Parse(options, new RemoteAgentOptions("a:1,nope", "short", null), Backends, SystemLimits.Typical));

        string[] expected = ["'nope' is not host:port", "at least 16 characters", "needs --target, not --backend", "excludes --agents", "--workload 'udp'"];
        Assert.All(expected, e => Assert.Contains(ex.Errors, error => error.Contains(e, StringComparison.Ordinal)));
    }

    [Fact]
    public void Needs_at_least_one_device_per_agent()
    {
        var options = new RunOptions { Target = "http://10.200.0.1:8080", Workload = "http-ingest", Devices = "1" };

        var ex = Assert.Throws<InvalidInputException>(() =>
            RemoteRunParser.Parse(options, new RemoteAgentOptions("a:1,b:1", Token, null), Backends, SystemLimits.Typical));

        Assert.Contains("2 agents for 1 devices", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_target_is_reported_once()
    {
        var options = new RunOptions { Target = "ftp://10.200.0.1", Workload = "http-ingest" };

        var ex = Assert.Throws<InvalidInputException>(() =>
            RemoteRunParser.Parse(options, new RemoteAgentOptions("a:1", Token, null), Backends, SystemLimits.Typical));

        Assert.Single(ex.Errors, e => e.Contains("'ftp://10.200.0.1'", StringComparison.Ordinal));
    }
}
