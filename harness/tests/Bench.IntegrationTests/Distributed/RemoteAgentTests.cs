using System.Net;
using Bench.Harness.Agents;
using Bench.Harness.Agents.Remote;
using Bench.IntegrationTests.Supervision;
using Bench.Load.Engine;
using Bench.Load.Monitoring;
using Bench.Load.Recording;

namespace Bench.IntegrationTests.Distributed;

/// <summary>The remote agent protocol over real loopback TCP: a listener in this process, a stand-in engine, a real controller.</summary>
[Collection(ProcessCollection.Name)]
public sealed class RemoteAgentTests
{
    private const string Token = "0123456789abcdef-remote-tests";
    private static readonly LoadTarget Target = new(new Uri("http://127.0.0.1:9/"));

    [Fact(Timeout = 30_000)]
    public async Task Two_remote_agents_run_their_shares_and_the_results_merge_exactly()
    {
        await using var first = await Listening.StartAsync(TargetPolicy.LoopbackOnly);
        await using var second = await Listening.StartAsync(TargetPolicy.LoopbackOnly);
        var hello = new HelloMessage(Token, ["127.0.0.1"]);
        var agents = new List<ILoadAgent>
        {
            await RemoteAgent.ConnectAsync(Assignment(0), first.Endpoint, hello, CancellationToken.None),
            await RemoteAgent.ConnectAsync(Assignment(1), second.Endpoint, hello, CancellationToken.None),
        };
        await using var controller = new AgentController(agents);

        var fleet = await controller.RunAsync([Spec(3), Spec(4)], null, CancellationToken.None);

        Assert.Equal(FleetStatus.Completed, fleet.Status);
        Assert.Equal(7, fleet.Merged!.Acked);
        Assert.Equal(7, fleet.Merged.Latency.TotalCount);
        Assert.Equal(2, fleet.Merged.Agents);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_wrong_token_is_refused_at_connect()
    {
        await using var agent = await Listening.StartAsync(TargetPolicy.LoopbackOnly);

        var ex = await Assert.ThrowsAsync<AgentFailedException>(() =>
            RemoteAgent.ConnectAsync(Assignment(0), agent.Endpoint, new HelloMessage("not-the-token-at-all", ["127.0.0.1"]), CancellationToken.None));

        Assert.Contains("token does not match", ex.Failure.Reason, StringComparison.Ordinal);
        Assert.Contains($"agent-1 at {agent.Endpoint}", ex.Failure.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_target_outside_the_agents_own_ranges_is_refused_at_connect()
    {
        await using var agent = await Listening.StartAsync(TargetPolicy.LoopbackOnly);

        var ex = await Assert.ThrowsAsync<AgentFailedException>(() =>
            RemoteAgent.ConnectAsync(Assignment(0), agent.Endpoint, new HelloMessage(Token, ["192.0.2.10"]), CancellationToken.None));

        Assert.Contains("'192.0.2.10'", ex.Failure.Reason, StringComparison.Ordinal);
        Assert.Contains("outside what this agent allows", ex.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal(0, agent.Runs);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_run_aimed_at_a_host_the_controller_did_not_list_is_refused()
    {
        await using var agent = await Listening.StartAsync(TargetPolicy.Parse("127.0.0.0/8,192.0.2.0/24", []));
        await using var remote = await RemoteAgent.ConnectAsync(Assignment(0), agent.Endpoint, new HelloMessage(Token, ["127.0.0.1"]), CancellationToken.None);
        var elsewhere = Spec(1) with { Target = new LoadTarget(new Uri("http://192.0.2.10:80/")) };

        var ex = await Assert.ThrowsAsync<AgentFailedException>(() => remote.RunAsync(elsewhere, new Progress<LoadProgress>(), CancellationToken.None));

        Assert.Contains("target 192.0.2.10 is not in the list the controller sent", ex.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal(0, agent.Runs);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_second_controller_is_told_the_agent_is_busy()
    {
        await using var agent = await Listening.StartAsync(TargetPolicy.LoopbackOnly);
        var hello = new HelloMessage(Token, ["127.0.0.1"]);
        await using var first = await RemoteAgent.ConnectAsync(Assignment(0), agent.Endpoint, hello, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<AgentFailedException>(() => RemoteAgent.ConnectAsync(Assignment(1), agent.Endpoint, hello, CancellationToken.None));

        Assert.Contains("busy", ex.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal(2, (await first.RunAsync(Spec(2), new Progress<LoadProgress>(), CancellationToken.None)).Acked);
    }

    private static AgentAssignment Assignment(int index) => new(index, index * 10, 10, 10, 1, 1, null);

    private static OpenLoadSpec Spec(int acks) => new() { Protocol = LoadProtocol.Http, Target = Target, Rate = acks };

    /// <summary>A listener on 127.0.0.1:0 whose engine stand-in acks as many sends as the spec's rate, one latency each.</summary>
    private sealed class Listening : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task _running = Task.CompletedTask;
        private int _runs;

        public AgentEndpoint Endpoint { get; private set; } = new("127.0.0.1", 0);

        public int Runs => Volatile.Read(ref _runs);

        public static async Task<Listening> StartAsync(TargetPolicy policy)
        {
            var listening = new Listening();
            var token = AgentToken.Resolve(Token, null, "--token", [])!;
            var session = new RemoteAgentSession(token, policy, listening.RunAsync, TimeSpan.FromMilliseconds(100), TextWriter.Null);
            var options = new ListenOptions(new IPEndPoint(IPAddress.Loopback, 0), token, policy, null);
            var bound = new TaskCompletionSource<IPEndPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
            listening._running = new RemoteAgentListener(options, session, TextWriter.Null).RunAsync(bound.SetResult, listening._stop.Token);
            var endpoint = await bound.Task.WaitAsync(TimeSpan.FromSeconds(10));
            listening.Endpoint = new AgentEndpoint("127.0.0.1", endpoint.Port);
            return listening;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
            _stop.Dispose();
        }

        private Task<LoadResult> RunAsync(LoadSpec spec, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            var acks = (long)((OpenLoadSpec)spec).Rate;
            var latency = new LatencyHistogram();
            for (var i = 0; i < acks; i++)
            {
                latency.Record(100 + i);
            }

            return Task.FromResult(new LoadResult
            {
                Sent = acks,
                Acked = acks,
                Errors = new Dictionary<ErrorKind, long>(),
                Late = 0,
                Dropped = 0,
                MeasuredDuration = TimeSpan.FromSeconds(1),
                Connections = new ConnectionSummary(1, 1, 0, 0),
                Latency = latency,
                ServiceTime = latency,
                ConnectTime = new LatencyHistogram(),
                Intervals = [],
                IntervalLatencies = [],
                GeneratorCpu = [0.1],
                Saturation = SaturationVerdict.NotSaturated,
            });
        }
    }
}
