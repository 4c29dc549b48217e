using Bench.Harness.Agents.Remote;
using Bench.Harness.Cli;
using Bench.Harness.Orchestration.Compare;

namespace Bench.UnitTests.Compare;

/// <summary>compare --agents, --agent-token and --listen-host: remote load needs an address of this host the agents reach, and the token.</summary>
public class CompareAgentsOptionTests
{
    private const string Token = "a-shared-token-of-enough-length";

    private static CompareRequest Request(string? agents, string listenHost = "127.0.0.1", string? token = null) =>
        new("ci", [], [], null, "auto") { Agents = agents, ListenHost = listenHost, AgentToken = token };

    [Fact]
    public void Without_agents_the_load_is_local_and_loopback_is_the_default_address()
    {
        var errors = new List<string>();

        var agents = CompareCommand.Agents(Request(null), tokenFromEnvironment: null, errors);

        Assert.Empty(errors);
        Assert.Equal(LoadAgents.Local, agents);
        Assert.False(agents.Remote);
    }

    [Fact]
    public void Agents_are_listed_in_order_and_the_hello_names_only_the_listen_host()
    {
        var errors = new List<string>();

        var agents = CompareCommand.Agents(Request("127.0.0.5:7070,[::1]:7071", "127.0.0.1"), Token, errors);

        Assert.Empty(errors);
        Assert.Equal([new AgentEndpoint("127.0.0.5", 7070), new AgentEndpoint("::1", 7071)], agents.Endpoints);
        Assert.Equal(["127.0.0.1"], agents.Hello.Targets);
        Assert.Equal(Token, agents.Hello.Token);
        Assert.Equal("2 remote agent(s) at 127.0.0.5:7070, [::1]:7071; backends and brokers listen on 127.0.0.1", agents.Describe());
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = new List<string>();

        CompareCommand.Agents(Request("host-without-port,10.0.0.1:7070,10.0.0.1:7070", "not-an-address"), tokenFromEnvironment: null, errors);

        Assert.Contains("--listen-host 'not-an-address' is not an IP address (backends and mosquitto bind to it)", errors);
        Assert.Contains(errors, e => e.StartsWith("--agents 'host-without-port' is not host:port", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--agents lists 10.0.0.1:7070 more than once", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("a shared token is required: --agent-token", StringComparison.Ordinal));
    }

    [Fact]
    public void A_listen_host_that_is_not_an_address_of_this_host_is_refused()
    {
        var errors = new List<string>();

        // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never assigned to a real interface.
        CompareCommand.Agents(Request(null, "192.0.2.7"), tokenFromEnvironment: null, errors);

        Assert.StartsWith("--listen-host 192.0.2.7 is not an address of this host", Assert.Single(errors), StringComparison.Ordinal);
    }
}
