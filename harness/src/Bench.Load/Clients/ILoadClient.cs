namespace Bench.Load.Clients;

/// <summary>
/// One protocol adapter holding a fixed set of devices, numbered 0 .. <see cref="Devices"/> − 1. It maps
/// protocol events onto an <see cref="ISendObserver"/>; the engine never sees protocol types.
/// </summary>
public interface ILoadClient : IAsyncDisposable
{
    int Devices { get; }

    /// <summary>Opens the device's connection (nothing to do for pooled HTTP); reports to the observer, never throws
    /// for connection failures, and returns whether it is open.</summary>
    Task<bool> ConnectAsync(int device, CancellationToken cancellationToken);

    /// <summary>Starts one send of the device, due at <paramref name="intended"/>, without waiting for its answer.</summary>
    SendStart TrySend(int device, long intended);

    /// <summary>Fails, as timed out, every send in flight that started before <paramref name="sentBefore"/>.</summary>
    void ExpireInFlight(long sentBefore);
}
