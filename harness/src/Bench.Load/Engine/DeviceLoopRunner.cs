using System.Diagnostics;
using Bench.Load.Clients;

namespace Bench.Load.Engine;

/// <summary>
/// Devices on their own intervals (fleets, and the closed model with an interval), driven by one loop over a
/// priority queue of due times: no timer or task per device, so 20,000 devices cost two longs each here.
/// </summary>
/// <remarks>
/// A fleet device that is at its in-flight bound when a send falls due does not send it: a backpressure error (the
/// backend is behind), never a dropped send that would be taken for the generator's lag. In the closed model
/// (<paramref name="waitWhenBusy"/>) the due send instead waits for the device's answer and leaves then, counted late,
/// with its latency measured from when it was due; if a further send falls due meanwhile, the older one is dropped.
/// </remarks>
internal sealed class DeviceLoopRunner(
    FleetSchedule schedule, bool waitWhenBusy, ILoadClient client, LoadRecorder recorder, RunTimeline timeline) : ILoadRunner
{
    private readonly long[] _nextMessage = new long[schedule.Devices];
    private readonly long[] _waiting = waitWhenBusy ? new long[schedule.Devices] : [];

    public void Abandon()
    {
        for (int d = 0; d < _waiting.Length; d++)
        {
            long intended = Interlocked.Exchange(ref _waiting[d], 0);
            if (intended != 0)
            {
                recorder.RecordDropped(intended);
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (waitWhenBusy)
        {
            recorder.Completed = SendWaiting;
        }

        var queue = new PriorityQueue<int, long>(schedule.Devices);
        for (int d = 0; d < schedule.Devices; d++)
        {
            queue.Enqueue(d, timeline.Start + schedule.OffsetOf(d, 0));
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            long now = Stopwatch.GetTimestamp();
            while (queue.TryPeek(out int device, out long due) && due <= now && due < timeline.MeasureEnd)
            {
                queue.Dequeue();
                Fire(device, due);
                queue.Enqueue(device, timeline.Start + schedule.OffsetOf(device, ++_nextMessage[device]));
            }

            if (now >= timeline.MeasureEnd || !queue.TryPeek(out _, out long next) || next >= timeline.MeasureEnd)
            {
                await Pacing.DelayUntilAsync(timeline.MeasureEnd, cancellationToken).ConfigureAwait(false);
                return;
            }

            await Pacing.DelayUntilAsync(next, CancellationToken.None);
        }
    }

    private void Fire(int device, long intended)
    {
        if (!waitWhenBusy)
        {
            // A fleet device with all its in-flight slots waiting for answers cannot send: the backend is behind the
            // fleet's rate. That is the backend's error, so it must not count as a dropped send, which would call the
            // generator saturated and hide the backend's failure.
            SendDispatcher.Dispatch(client, recorder, device, intended, late: false, busyError: Recording.ErrorKind.Backpressure);
            return;
        }

        // At most one send outstanding per device: the client reports Busy, and the send waits for the answer.
        switch (client.TrySend(device, intended))
        {
            case SendStart.Started or SendStart.Late:
                recorder.RecordSent(intended, late: false);
                break;
            case SendStart.Busy:
                Wait(device, intended);
                break;
            default:
                recorder.RecordNotSent(intended, Recording.ErrorKind.ConnectionLost);
                break;
        }
    }

    private void Wait(int device, long intended)
    {
        long replaced = Interlocked.Exchange(ref _waiting[device], intended);
        if (replaced != 0)
        {
            recorder.RecordDropped(replaced);
        }

        // The answer may have arrived between TrySend and parking the send: then nobody would pick it up.
        SendWaiting(device);
    }

    private void SendWaiting(int device)
    {
        long intended = Interlocked.Exchange(ref _waiting[device], 0);
        if (intended == 0)
        {
            return;
        }

        switch (client.TrySend(device, intended))
        {
            case SendStart.Started or SendStart.Late:
                recorder.RecordSent(intended, late: true);
                break;
            case SendStart.Busy:
                // Still answering the previous send: park it again unless something newer took its place.
                if (Interlocked.CompareExchange(ref _waiting[device], intended, 0) != 0)
                {
                    recorder.RecordDropped(intended);
                }

                break;
            default:
                recorder.RecordNotSent(intended, Recording.ErrorKind.ConnectionLost);
                break;
        }
    }
}
