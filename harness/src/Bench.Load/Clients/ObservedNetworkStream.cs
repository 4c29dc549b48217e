using System.Net.Sockets;

namespace Bench.Load.Clients;

/// <summary>A pooled HTTP connection's stream that tells the observer when the pool closes it.</summary>
internal sealed class ObservedNetworkStream(Socket socket, ISendObserver observer) : NetworkStream(socket, ownsSocket: true)
{
    private int _disposed;

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            observer.Disconnected();
        }

        base.Dispose(disposing);
    }
}
