using Bench.Harness.Agents.Remote;

namespace Bench.UnitTests.Agents.Remote;

public sealed class HelloMessageTests
{
    [Fact]
    public void Round_trips_as_one_json_line()
    {
        var hello = new HelloMessage("0123456789abcdef", ["10.200.0.1", "broker.local"]);

        var line = hello.ToLine();

        Assert.DoesNotContain('\n', line);
        Assert.Contains("\"type\":\"hello\"", line, StringComparison.Ordinal);
        Assert.True(HelloMessage.TryRead(line, out var read, out _));
        Assert.Equal(hello.Token, read!.Token);
        Assert.Equal(hello.Targets, read.Targets);
    }

    [Theory]
    [InlineData("{\"type\":\"run\",\"token\":\"x\",\"targets\":[]}", "must be a hello")]
    [InlineData("{\"type\":\"hello\",\"targets\":[\"127.0.0.1\"]}", "no token")]
    [InlineData("{\"type\":\"hello\",\"token\":\"x\"}", "lists no targets")]
    [InlineData("GET / HTTP/1.1", "not a hello")]
    public void Anything_else_is_refused_with_the_reason(string line, string expected)
    {
        Assert.False(HelloMessage.TryRead(line, out var hello, out var problem));
        Assert.Null(hello);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
