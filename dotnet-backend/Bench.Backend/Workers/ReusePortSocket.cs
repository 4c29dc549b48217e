using System.Net;
using System.Net.Sockets;

namespace Bench.Backend.Workers;

/// <summary>
/// Listening sockets that several worker processes bind to the same port. Linux then spreads incoming
/// connections across the workers' accept queues by a hash of the connection's addresses (SO_REUSEPORT).
/// </summary>
internal static class ReusePortSocket
{
    // <asm-generic/socket.h>. .NET has no SocketOptionName for SO_REUSEPORT; its ReuseAddress means SO_REUSEADDR
    // semantics, so the option is set by number to say exactly what is meant.
    private const int SolSocket = 1;
    private const int SoReusePort = 15;

    /// <summary>A TCP socket with SO_REUSEPORT set, bound to <paramref name="endpoint"/> (Kestrel calls Listen on it).</summary>
    public static Socket Bind(EndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint is not IPEndPoint ip)
            throw new NotSupportedException($"workers share TCP ports only, not {endpoint.GetType().Name}");
        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Every socket in the group, the first included, must set the option before bind.
            socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
            if (ip.Address.Equals(IPAddress.IPv6Any))
                socket.DualMode = true;
            socket.Bind(ip);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
