namespace Bench.Harness.Agents;

/// <summary>What a run asks of the load generator as a whole, before it is split across agents.</summary>
/// <param name="Devices">Simulated devices (distinct device ids).</param>
/// <param name="RatePerSecond">Total arrival rate, spread over the devices.</param>
/// <param name="Connections">Connection pool size for request/response workloads.</param>
/// <param name="ConnectionPerDevice">True for fleets that hold one connection per device (WebSocket, MQTT).</param>
internal sealed record FleetDemand(int Devices, double RatePerSecond, int Connections, bool ConnectionPerDevice)
{
    /// <summary>Client sockets the whole fleet holds open at once.</summary>
    public int Sockets => ConnectionPerDevice ? Devices : Connections;
}
