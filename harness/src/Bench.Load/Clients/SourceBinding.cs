using System.Net;
using System.Net.Sockets;

namespace Bench.Load.Clients;

/// <summary>
/// Opens client sockets from a chosen source address, so load agents can spread over 127.0.0.x and get ~28k
/// ports each per destination (methodology §6.1).
/// </summary>
internal static class SourceBinding
{
    // IP_BIND_ADDRESS_NO_PORT at SOL_IP (Linux ≥ 4.2): bind() leaves the port to connect(), which may then reuse a
    // source port for any other destination instead of reserving one per socket at bind time.
    private const int SolIp = 0;
    private const int IpBindAddressNoPort = 24;

    public static async Task<Socket> ConnectAsync(EndPoint destination, IPAddress? source, CancellationToken cancellationToken)
    {
        var socket = source is null
            ? new Socket(SocketType.Stream, ProtocolType.Tcp)
            : new Socket(source.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.NoDelay = true;
            if (source is not null)
            {
                if (OperatingSystem.IsLinux())
                {
                    socket.SetRawSocketOption(SolIp, IpBindAddressNoPort, BitConverter.GetBytes(1));
                }

                socket.Bind(new IPEndPoint(source, 0));
            }

            await socket.ConnectAsync(destination, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
