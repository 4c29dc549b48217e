using System.Net;
using Bench.Harness.Agents.Remote;
using Bench.Harness.Orchestration;

namespace Bench.UnitTests.Agents.Remote;

public sealed class ListenOptionsTests
{
    private const string Token = "0123456789abcdef0123";

    [Fact]
    public void Defaults_to_loopback_targets_and_serving_until_stopped()
    {
        var options = ListenOptions.Parse("0.0.0.0:7070", Token, null, null, null);

        Assert.Equal(new IPEndPoint(IPAddress.Any, 7070), options.Endpoint);
        Assert.Same(TargetPolicy.LoopbackOnly, options.Policy);
        Assert.Null(options.Sessions);
    }

    [Fact]
    public void Takes_the_token_from_the_environment_and_a_session_count()
    {
        var options = ListenOptions.Parse("[::]:0", null, "10.0.0.0/8", "1", Token);

        Assert.True(options.Token.Matches(Token));
        Assert.Equal(1, options.Sessions);
        Assert.True(options.Policy.Permits(IPAddress.Parse("10.1.2.3")));
    }

    [Fact]
    public void Reports_every_error_at_once()
    {
        var ex = Assert.Throws<InvalidInputException>(() => ListenOptions.Parse("7070", null, "everything", "0", null));

        string[] expected = ["--listen '7070'", "a shared token is required", "--allow-targets 'everything'", "--sessions '0'"];
        Assert.Equal(expected.Length, ex.Errors.Count);
        Assert.All(expected, e => Assert.Contains(ex.Errors, error => error.Contains(e, StringComparison.Ordinal)));
    }
}
