using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bench.Backend.Hosting;

/// <summary>The one line that tells the harness the backend is serving (contract §1).</summary>
internal static class ReadyLine
{
    /// <summary>Prints the ready line with the port Kestrel really bound (the requested one may be 0).</summary>
    public static void Print(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("the server reports no addresses");
        var port = new Uri(addresses.First()).Port;
        Console.Out.WriteLine($"BENCH-READY backend={BackendOptions.BackendName} port={port} pid={Environment.ProcessId}");
        Console.Out.Flush();
    }
}
