using System.Net;
using Bench.Harness.Agents.Remote;

namespace Bench.UnitTests.Agents.Remote;

public sealed class TargetPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.200.0.1", false)]
    [InlineData("192.168.1.1", false)]
    public void Permits_only_loopback_by_default(string address, bool permitted)
    {
        Assert.Equal(permitted, TargetPolicy.Parse(null, []).Permits(IPAddress.Parse(address)));
    }

    [Fact]
    public void Takes_ranges_and_single_addresses()
    {
        var errors = new List<string>();
        var policy = TargetPolicy.Parse("10.200.0.0/30, 192.168.5.7", errors);

        Assert.Empty(errors);
        Assert.True(policy.Permits(IPAddress.Parse("10.200.0.1")));
        Assert.False(policy.Permits(IPAddress.Parse("10.200.0.4")));
        Assert.True(policy.Permits(IPAddress.Parse("192.168.5.7")));
        Assert.False(policy.Permits(IPAddress.Parse("127.0.0.1")));
    }

    [Fact]
    public void Reports_every_bad_entry()
    {
        var errors = new List<string>();

        TargetPolicy.Parse("10.0.0.0/99,nonsense,10.1.0.0/16", errors);

        Assert.Equal(2, errors.Count);
        Assert.Contains("'10.0.0.0/99'", errors[0], StringComparison.Ordinal);
        Assert.Contains("'nonsense'", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_an_address_outside_its_ranges_naming_them()
    {
        var policy = TargetPolicy.Parse(null, []);

        Assert.Null(await policy.RefusalAsync("127.0.0.1", CancellationToken.None));
        Assert.Null(await policy.RefusalAsync("localhost", CancellationToken.None));
        Assert.Null(await policy.RefusalAsync("[::1]", CancellationToken.None));
        var refusal = await policy.RefusalAsync("10.200.0.1", CancellationToken.None);
        Assert.Contains("outside what this agent allows (127.0.0.0/8, ::1/128)", refusal, StringComparison.Ordinal);
    }
}
