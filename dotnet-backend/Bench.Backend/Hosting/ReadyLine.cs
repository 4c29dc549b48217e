using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bench.Backend.Hosting;

/// <summary>The one line that tells the harness the backend is serving (contract §1).</summary>
internal static class ReadyLine
{
    public const string Prefix = "BENCH-READY ";

    /// <summary>Prints the ready line with the port Kestrel really bound (the requested one may be 0).</summary>
    public static void Print(IServiceProvider services, string backendName)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("the server reports no addresses");
        Print(backendName, new Uri(addresses.First()).Port);
    }

    public static void Print(string backendName, int port)
    {
        Console.Out.WriteLine($"{Prefix}backend={backendName} port={port} pid={Environment.ProcessId}");
        Console.Out.Flush();
    }
}
