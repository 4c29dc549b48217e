using System.Net;
using System.Net.Sockets;

namespace Bench.Harness.Supervision;

/// <summary>Finds a free loopback TCP port by binding port 0 and releasing it.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
