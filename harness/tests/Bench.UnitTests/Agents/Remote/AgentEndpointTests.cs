using Bench.Harness.Agents.Remote;

namespace Bench.UnitTests.Agents.Remote;

public sealed class AgentEndpointTests
{
    [Fact]
    public void Parses_names_addresses_and_bracketed_ipv6_in_order()
    {
        var errors = new List<string>();

        var endpoints = AgentEndpoint.ParseList("10.200.0.2:7070, bench-agents-1.bench-agents:7070,[fd00::2]:7071", "--remote-agents", errors);

        Assert.Empty(errors);
        Assert.Equal(
            [new AgentEndpoint("10.200.0.2", 7070), new AgentEndpoint("bench-agents-1.bench-agents", 7070), new AgentEndpoint("fd00::2", 7071)],
            endpoints);
        Assert.Equal("[fd00::2]:7071", endpoints[2].ToString());
    }

    [Fact]
    public void Reports_every_bad_or_repeated_entry()
    {
        var errors = new List<string>();

        AgentEndpoint.ParseList("host,fd00::2:7070,a:0,b:7070,b:7070", "--remote-agents", errors);

        Assert.Equal(4, errors.Count);
        Assert.Contains("'host' is not host:port", errors[0], StringComparison.Ordinal);
        Assert.Contains("'fd00::2:7070'", errors[1], StringComparison.Ordinal);
        Assert.Contains("'a:0'", errors[2], StringComparison.Ordinal);
        Assert.Contains("b:7070 more than once", errors[3], StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_is_an_error()
    {
        var errors = new List<string>();

        Assert.Empty(AgentEndpoint.ParseList(" , ", "--remote-agents", errors));
        Assert.Contains("lists no agent", Assert.Single(errors), StringComparison.Ordinal);
    }
}
