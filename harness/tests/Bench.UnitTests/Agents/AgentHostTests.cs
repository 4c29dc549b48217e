using Bench.Harness.Agents;
using Bench.Harness.Agents.Protocol;
using Bench.Load.Engine;

namespace Bench.UnitTests.Agents;

public sealed class AgentHostTests
{
    private static readonly LoadSpec Spec = new OpenLoadSpec { Protocol = LoadProtocol.Http, Target = new LoadTarget(new Uri("http://127.0.0.1:1/")), Rate = 10 };

    [Fact(Timeout = 10_000)]
    public async Task Says_ready_runs_the_spec_it_is_given_and_sends_the_result()
    {
        LoadSpec? received = null;
        var output = new LineRecorder();
        var host = new AgentHost(Input(new RunMessage(Spec)), output, (spec, progress, _) =>
        {
            received = spec;
            progress!.Report(new LoadProgress(TimeSpan.FromSeconds(1), LoadPhase.Measuring, 10, 10, 500, 1, 0, 0.1));
            return Task.FromResult(SampleResults.With(7, 100));
        }, TimeSpan.FromMilliseconds(10));

        var exitCode = await host.RunAsync(CancellationToken.None);

        Assert.Equal(AgentHost.Completed, exitCode);
        Assert.Equal(Spec, received);
        var messages = Messages(output);
        Assert.IsType<ReadyMessage>(messages[0]);
        Assert.Equal(7, Assert.IsType<ResultMessage>(messages[^1]).Result.Acked);
    }

    [Fact(Timeout = 10_000)]
    public async Task Runs_each_run_message_in_turn_and_sends_a_result_for_each()
    {
        var output = new LineRecorder();
        var runs = 0;
        var host = new AgentHost(Input(new RunMessage(Spec), new RunMessage(Spec)), output, (_, _, _) =>
            Task.FromResult(SampleResults.With(Interlocked.Increment(ref runs), 100)), TimeSpan.FromSeconds(1));

        Assert.Equal(AgentHost.Completed, await host.RunAsync(CancellationToken.None));

        Assert.Equal([1L, 2L], Messages(output).OfType<ResultMessage>().Select(r => r.Result.Acked));
    }

    [Fact(Timeout = 10_000)]
    public async Task Reports_the_latest_progress_while_the_engine_runs()
    {
        var output = new LineRecorder();
        var reported = new TaskCompletionSource();
        var host = new AgentHost(Input(new RunMessage(Spec)), output, async (_, progress, _) =>
        {
            progress!.Report(new LoadProgress(TimeSpan.FromSeconds(2), LoadPhase.WarmUp, 5, 5, 0, 1, 0, 0.1));
            while (!Messages(output).OfType<ProgressMessage>().Any(p => p.Progress is not null))
            {
                await Task.Yield();
            }

            return SampleResults.With(1, 100);
        }, TimeSpan.FromMilliseconds(5));

        await host.RunAsync(CancellationToken.None);

        var progress = Messages(output).OfType<ProgressMessage>().Select(p => p.Progress).OfType<LoadProgress>().First();
        Assert.Equal(LoadPhase.WarmUp, progress.Phase);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_engine_failure_becomes_an_error_message_and_exit_code_1()
    {
        var output = new LineRecorder();
        var host = new AgentHost(Input(new RunMessage(Spec)), output, (_, _, _) => throw new InvalidOperationException("no route"), TimeSpan.FromSeconds(1));

        var exitCode = await host.RunAsync(CancellationToken.None);

        Assert.Equal(AgentHost.Failed, exitCode);
        Assert.Equal(new ErrorMessage("InvalidOperationException: no route"), Messages(output)[^1]);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_stop_before_any_run_ends_the_agent_without_a_result()
    {
        var output = new LineRecorder();
        var host = new AgentHost(Input(new StopMessage()), output, (_, _, _) => throw new InvalidOperationException("must not run"), TimeSpan.FromSeconds(1));

        Assert.Equal(AgentHost.Completed, await host.RunAsync(CancellationToken.None));
        Assert.IsType<ReadyMessage>(Assert.Single(Messages(output)));
    }

    [Fact(Timeout = 10_000)]
    public async Task Stdin_closing_mid_run_stops_the_engine_and_still_sends_what_was_measured()
    {
        // A run message and then end of input: the controller is gone.
        var output = new LineRecorder();
        var host = new AgentHost(Input(new RunMessage(Spec)), output, async (_, _, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            return SampleResults.With(2, 100);
        }, TimeSpan.FromSeconds(1));

        Assert.Equal(AgentHost.Completed, await host.RunAsync(CancellationToken.None));
        Assert.Equal(2, Assert.IsType<ResultMessage>(Messages(output)[^1]).Result.Acked);
    }

    private static StringReader Input(params AgentMessage[] messages) =>
        new(string.Join('\n', messages.Select(AgentMessageCodec.Write)) + "\n");

    private static List<AgentMessage> Messages(LineRecorder output) =>
        [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            Assert.True(AgentMessageCodec.TryRead(line, out var message, out var problem), problem);
            return message!;
        })];
}
