using System.Diagnostics;
using Bench.Load.Clients;

namespace Bench.Load.Engine;

/// <summary>
/// The closed model without an interval (wrk's): every device sends once at the start and then again as soon as
/// each answer (or failure) arrives, until the measured window ends. The next send leaves from the completion
/// itself, so the model needs no loop or timer per device.
/// </summary>
internal sealed class ClosedRunner(ILoadClient client, LoadRecorder recorder, RunTimeline timeline) : ILoadRunner
{
    private readonly TaskCompletionSource _allStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _active;

    public void Abandon()
    {
        // Nothing is held back: a closed-model send leaves the moment its device is free.
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        recorder.Completed = OnCompleted;
        _active = client.Devices;
        await Pacing.DelayUntilAsync(timeline.Start, cancellationToken);
        for (int device = 0; device < client.Devices; device++)
        {
            SendOrStop(device, timeline.Start);
        }

        using var registration = cancellationToken.Register(() => _allStopped.TrySetResult());
        await Task.WhenAny(_allStopped.Task, Pacing.DelayUntilAsync(timeline.MeasureEnd, CancellationToken.None));
    }

    private void OnCompleted(int device)
    {
        long now = Stopwatch.GetTimestamp();
        if (now < timeline.MeasureEnd)
        {
            SendOrStop(device, now);
        }
    }

    private void SendOrStop(int device, long intended)
    {
        // A device that could not send (its connection is gone) gets no further completion: it stops here.
        if (!SendDispatcher.Dispatch(client, recorder, device, intended, late: false) && Interlocked.Decrement(ref _active) == 0)
        {
            _allStopped.TrySetResult();
        }
    }
}
