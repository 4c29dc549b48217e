using System.Globalization;
using System.Net;

namespace Bench.Harness.Agents;

/// <summary>One agent's share of the fleet: a disjoint range of device ids, its part of the rate, and its own source address.</summary>
/// <param name="Index">0-based position in the plan.</param>
/// <param name="DeviceOffset">First device id of the agent's range; ranges never overlap.</param>
/// <param name="Devices">Devices this agent simulates.</param>
/// <param name="RatePerSecond">This agent's part of the total arrival rate, proportional to its devices.</param>
/// <param name="Connections">This agent's part of the connection pool.</param>
/// <param name="Sockets">Client sockets this agent holds open at once.</param>
/// <param name="SourceAddress">Address its sockets bind to (a separate ephemeral-port lane), or null for the system's choice.</param>
internal sealed record AgentAssignment(int Index, int DeviceOffset, int Devices, double RatePerSecond, int Connections, int Sockets, IPAddress? SourceAddress)
{
    /// <summary>How the agent is named in the plan, the live display and error reports.</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"agent-{Index + 1}");

    /// <summary>The device ids it owns, as a person reads them.</summary>
    public string DeviceRange => string.Create(CultureInfo.InvariantCulture, $"{DeviceOffset}–{DeviceOffset + Devices - 1}");
}
