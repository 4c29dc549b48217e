using Bench.Harness.Agents.Remote;
using Bench.Load.Engine;

namespace Bench.UnitTests.Agents.Remote;

public sealed class TargetGuardTests
{
    private static readonly HashSet<string> Listed = ["10.200.0.1", "::1"];

    [Theory]
    [InlineData("http://10.200.0.1:8080/", null)]
    [InlineData("http://[::1]:8080/", null)]
    [InlineData("http://10.200.0.2:8080/", "10.200.0.2")]
    [InlineData("http://localhost:8080/", "localhost")]
    public void Admits_only_listed_hosts(string target, string? refused)
    {
        var refusal = TargetGuard.Refusal(Spec(new LoadTarget(new Uri(target))), Listed);

        if (refused is null)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.StartsWith($"target {refused} is not in the list the controller sent", refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Checks_the_broker_as_well_as_the_http_host()
    {
        var spec = Spec(new LoadTarget(new Uri("http://10.200.0.1:8080/"), "10.9.9.9", 1883));

        Assert.Contains("10.9.9.9", TargetGuard.Refusal(spec, Listed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_run_never_reaches_the_engine()
    {
        var ran = false;
        var guarded = TargetGuard.Restrict((_, _, _) =>
        {
            ran = true;
            return Task.FromResult(SampleResults.With(1, 100));
        }, Listed);

        var error = await Assert.ThrowsAsync<TargetRefusedException>(() => guarded(Spec(new LoadTarget(new Uri("http://192.0.2.1:80/"))), null, CancellationToken.None));

        Assert.False(ran);
        Assert.Contains("192.0.2.1", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await guarded(Spec(new LoadTarget(new Uri("http://10.200.0.1:80/"))), null, CancellationToken.None)).Acked);
    }

    private static OpenLoadSpec Spec(LoadTarget target) => new() { Protocol = LoadProtocol.Http, Target = target, Rate = 10 };
}
