using System.Net;
using System.Net.Sockets;
using Bench.Backend.Workers;

namespace Bench.Backend.Tests;

public class ReusePortSocketTests
{
    [Fact]
    public void Lets_two_listening_sockets_share_one_port()
    {
        using var first = ReusePortSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        first.Listen();
        var port = ((IPEndPoint)first.LocalEndPoint!).Port;

        using var second = ReusePortSocket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        second.Listen();

        Assert.Equal(port, ((IPEndPoint)second.LocalEndPoint!).Port);
    }

    [Fact]
    public void Leaves_a_port_held_without_the_option_to_its_owner()
    {
        using var owner = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        owner.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        owner.Listen();

        var error = Assert.Throws<SocketException>(() => ReusePortSocket.Bind(owner.LocalEndPoint!));

        Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketErrorCode);
    }
}
