using Bench.Harness.Agents.Remote;

namespace Bench.UnitTests.Agents.Remote;

public sealed class AgentTokenTests
{
    private const string Secret = "0123456789abcdef-secret";

    [Fact]
    public void Matches_only_the_exact_token()
    {
        var token = AgentToken.Resolve(Secret, null, "--token", [])!;

        Assert.True(token.Matches(Secret));
        Assert.False(token.Matches(Secret + "x"));
        Assert.False(token.Matches(Secret[..^1]));
        Assert.False(token.Matches(string.Empty));
        Assert.False(token.Matches(null));
    }

    [Fact]
    public void The_option_wins_over_the_environment()
    {
        var token = AgentToken.Resolve(Secret, "from-the-environment-1234", "--token", [])!;

        Assert.Equal(Secret, token.Value);
    }

    [Fact]
    public void Falls_back_to_the_environment()
    {
        Assert.Equal(Secret, AgentToken.Resolve(null, Secret, "--token", [])!.Value);
    }

    [Theory]
    [InlineData(null, "a shared token is required")]
    [InlineData("short", "at least 16 characters")]
    public void A_missing_or_short_token_is_an_error(string? value, string expected)
    {
        var errors = new List<string>();

        Assert.Null(AgentToken.Resolve(value, null, "--token", errors));
        Assert.Contains(expected, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Never_prints_the_secret()
    {
        var token = AgentToken.Resolve(Secret, null, "--token", [])!;
        var hello = new HelloMessage(Secret, ["10.0.0.1"]);

        Assert.DoesNotContain(Secret, token.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, hello.ToString(), StringComparison.Ordinal);
    }
}
