using System.Diagnostics;
using Bench.Load.Clients;
using Bench.Load.Scheduling;

namespace Bench.Load.Engine;

/// <summary>
/// The open model: one pacing loop releases the sends of an <see cref="ArrivalPlan"/> as they fall due, spread over
/// the devices round-robin, under the spec's bound on sends in flight. Sends the scheduler held back are late (their
/// latency still counts from their intended time); sends it skipped, and any still unreleased at the drain deadline,
/// are dropped.
/// </summary>
internal sealed class OpenRunner(OpenLoadSpec spec, ILoadClient client, LoadRecorder recorder, RunTimeline timeline) : ILoadRunner
{
    private const int BatchSize = 256;

    public void Abandon()
    {
        // Unreleased sends are counted when the pacing loop ends.
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var plan = spec.ToPlan();
        var scheduler = new ArrivalScheduler(plan, timeline.Start, timeline.Frequency, spec.MaxInFlight, spec.Backpressure);
        recorder.Completed = _ => scheduler.Complete();
        var due = new ScheduledSend[BatchSize];
        while (!scheduler.IsFinished && !cancellationToken.IsCancellationRequested)
        {
            long now = Stopwatch.GetTimestamp();
            if (now >= timeline.DrainDeadline)
            {
                break;
            }

            int released = Release(scheduler, now, due);
            if (released == BatchSize)
            {
                continue;
            }

            if (scheduler.IsFinished)
            {
                break; // the last send is out: sleeping until the next due time would mean sleeping until the drain deadline
            }

            // While the bound holds sends back, poll every tick; otherwise sleep until the next one is due.
            long wake = scheduler.InFlight >= scheduler.MaxInFlight ? now : scheduler.NextDueTimestamp;
            await Pacing.DelayUntilAsync(Math.Min(wake, timeline.DrainDeadline), CancellationToken.None);
        }

        long unreleased = plan.TotalSends - scheduler.Released - scheduler.Dropped;
        if (unreleased > 0)
        {
            recorder.RecordDropped(scheduler.NextDueTimestamp, unreleased);
        }
    }

    private int Release(ArrivalScheduler scheduler, long now, ScheduledSend[] due)
    {
        long lateBefore = scheduler.Late;
        long droppedBefore = scheduler.Dropped;
        int released = scheduler.Poll(now, due);
        if (scheduler.Dropped > droppedBefore)
        {
            recorder.RecordDropped(released > 0 ? due[0].IntendedTimestamp : now, scheduler.Dropped - droppedBefore);
        }

        // Released sends come out in intended order, and the late ones (held back by the bound) are the oldest.
        long late = scheduler.Late - lateBefore;
        for (int i = 0; i < released; i++)
        {
            int device = (int)(due[i].Index % client.Devices);
            if (!SendDispatcher.Dispatch(client, recorder, device, due[i].IntendedTimestamp, late: i < late))
            {
                scheduler.Complete();
            }
        }

        return released;
    }
}
