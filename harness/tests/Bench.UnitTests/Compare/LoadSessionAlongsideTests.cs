using Bench.Harness.Agents;
using Bench.Harness.Orchestration.Compare;
using Bench.UnitTests.Agents;

namespace Bench.UnitTests.Compare;

public sealed class LoadSessionAlongsideTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_second_load_starts_only_once_the_first_is_sending()
    {
        var firstDone = new TaskCompletionSource<LoadRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource<bool>? sending = null;
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var both = LoadSession.AlongsideAsync(
            s =>
            {
                sending = s;
                return firstDone.Task;
            },
            () =>
            {
                secondStarted.TrySetResult();
                return Task.FromResult(Run("second"));
            });

        // Still connecting: the second load has not been started.
        await Task.Yield();
        Assert.False(secondStarted.Task.IsCompleted);

        sending!.TrySetResult(true);
        await secondStarted.Task.WaitAsync(Bound);
        Assert.False(both.IsCompleted, "the first load is still running");

        firstDone.SetResult(Run("first"));
        var (first, second) = await both.WaitAsync(Bound);
        Assert.Equal(Start("first"), first.MeasureFrom);
        Assert.Equal(Start("second"), second!.MeasureFrom);
    }

    [Fact]
    public async Task A_first_load_that_ends_before_sending_never_starts_the_second()
    {
        var secondCalls = 0;

        var (first, second) = await LoadSession.AlongsideAsync(
            s =>
            {
                s.TrySetResult(false);
                return Task.FromResult(Run("first"));
            },
            () =>
            {
                secondCalls++;
                return Task.FromResult(Run("second"));
            }).WaitAsync(Bound);

        Assert.Equal(Start("first"), first.MeasureFrom);
        Assert.Null(second);
        Assert.Equal(0, secondCalls);
    }

    [Fact]
    public async Task A_first_load_that_fails_before_sending_surfaces_its_exception()
    {
        var failing = new TaskCompletionSource<LoadRun>();

        var both = LoadSession.AlongsideAsync(
            s =>
            {
                failing.SetException(new InvalidOperationException("agent 1 died"));
                s.TrySetResult(false);
                return failing.Task;
            },
            () => throw new InvalidOperationException("must not start"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => both.WaitAsync(Bound));
        Assert.Equal("agent 1 died", error.Message);
    }

    private static DateTimeOffset Start(string name) =>
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(name == "first" ? 1 : 2);

    private static LoadRun Run(string name) =>
        new(new FleetResult(FleetStatus.Completed, SampleResults.With(10, 1_000), []), Start(name), Start(name).AddSeconds(12));
}
