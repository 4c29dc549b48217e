using System.Collections.Concurrent;
using System.Threading.Tasks.Sources;

namespace Bench.Mqtt;

/// <summary>
/// The awaitable behind a QoS 1 <see cref="MqttClient.PublishAsync"/>: completes on PUBACK, cancellation or
/// connection loss. Instances are pooled so that a publish allocates nothing beyond what the caller passes in.
/// </summary>
internal sealed class PendingPublish : IValueTaskSource
{
    private const int MaxPooled = 4096;
    private static readonly ConcurrentQueue<PendingPublish> Pool = new();
    private static int s_pooled;

    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private int _completed;
    private MqttInFlight? _owner;
    private ushort _packetId;
    private CancellationToken _cancellationToken;
    private CancellationTokenRegistration _registration;

    public static PendingPublish Rent()
    {
        if (!Pool.TryDequeue(out var pending))
            return new PendingPublish();
        Interlocked.Decrement(ref s_pooled);
        return pending;
    }

    /// <summary>Call after <paramref name="owner"/> assigned <paramref name="packetId"/> to this instance.</summary>
    public void Attach(MqttInFlight owner, ushort packetId, CancellationToken cancellationToken)
    {
        _owner = owner;
        _packetId = packetId;
        _cancellationToken = cancellationToken;
        if (cancellationToken.CanBeCanceled)
            _registration = cancellationToken.UnsafeRegister(static state => ((PendingPublish)state!).Cancel(), this);
    }

    public ValueTask AsValueTask() => new(this, _core.Version);

    public void TrySetResult()
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
            _core.SetResult(true);
    }

    public void TrySetException(Exception error)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
            _core.SetException(error);
    }

    /// <summary>Fails the publish with <paramref name="error"/> unless a PUBACK or connection loss got there first.</summary>
    public void Fail(Exception error)
    {
        if (_owner!.Remove(_packetId, this))
            TrySetException(error);
    }

    void IValueTaskSource.GetResult(short token)
    {
        try
        {
            _core.GetResult(token);
        }
        finally
        {
            // Dispose (not Unregister) waits for a running cancellation callback, so the instance is quiet before reuse.
            _registration.Dispose();
            Reset();
        }
    }

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(
        Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    private void Cancel() => Fail(new OperationCanceledException(_cancellationToken));

    private void Reset()
    {
        _core.Reset();
        _registration = default;
        _cancellationToken = default;
        _owner = null;
        _completed = 0;
        if (Interlocked.Increment(ref s_pooled) <= MaxPooled)
            Pool.Enqueue(this);
        else
            Interlocked.Decrement(ref s_pooled);
    }
}
