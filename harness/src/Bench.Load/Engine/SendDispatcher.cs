using Bench.Load.Clients;
using Bench.Load.Recording;

namespace Bench.Load.Engine;

/// <summary>Starts a send on the client and records what became of it: sent (late or not), dropped, or not sendable.</summary>
internal static class SendDispatcher
{
    /// <remarks>
    /// A send the client refuses as busy becomes <c>busyError</c> when one is given (an error against the backend), and
    /// otherwise counts as dropped (a bound of the generator's own, such as the open model's in-flight limit).
    /// </remarks>
    /// <returns>Whether the send left (and so will get an outcome).</returns>
    public static bool Dispatch(ILoadClient client, LoadRecorder recorder, int device, long intended, bool late, ErrorKind? busyError = null)
    {
        switch (client.TrySend(device, intended))
        {
            case SendStart.Started:
                recorder.RecordSent(intended, late);
                return true;
            case SendStart.Late:
                recorder.RecordSent(intended, late: true);
                return true;
            case SendStart.Busy when busyError is { } error:
                recorder.RecordNotSent(intended, error);
                return false;
            case SendStart.Busy:
                recorder.RecordDropped(intended);
                return false;
            default:
                recorder.RecordNotSent(intended, ErrorKind.ConnectionLost);
                return false;
        }
    }
}
