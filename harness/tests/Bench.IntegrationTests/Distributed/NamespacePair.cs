using System.Diagnostics;

namespace Bench.IntegrationTests.Distributed;

/// <summary>
/// Two network namespaces joined by a veth pair, standing in for two hosts: A at 10.200.0.1/30, B at 10.200.0.2/30.
/// Names carry this test process's id so concurrent runs never share them; disposing deletes both (the veth goes with them).
/// </summary>
internal sealed class NamespacePair : IAsyncDisposable
{
    public const string AddressA = "10.200.0.1";
    public const string AddressB = "10.200.0.2";

    private readonly List<string> _created = [];

    private NamespacePair(string suffix)
    {
        A = $"bench-test-a-{suffix}";
        B = $"bench-test-b-{suffix}";
    }

    public string A { get; }

    public string B { get; }

    public static async Task<NamespacePair> CreateAsync()
    {
        var suffix = $"{Environment.ProcessId}";
        var pair = new NamespacePair(suffix);
        // Interface names hold at most 15 characters.
        var (vethA, vethB) = ($"bta{suffix}", $"btb{suffix}");
        try
        {
            await pair.AddNamespaceAsync(pair.A);
            await pair.AddNamespaceAsync(pair.B);
            await IpAsync("link", "add", vethA, "netns", pair.A, "type", "veth", "peer", "name", vethB, "netns", pair.B);
            foreach (var (ns, veth, address) in new[] { (pair.A, vethA, AddressA), (pair.B, vethB, AddressB) })
            {
                await IpAsync("-n", ns, "addr", "add", $"{address}/30", "dev", veth);
                await IpAsync("-n", ns, "link", "set", veth, "up");
                await IpAsync("-n", ns, "link", "set", "lo", "up");
            }

            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var ns in _created)
        {
            await IpAsync("netns", "delete", ns);
        }

        _created.Clear();
    }

    private async Task AddNamespaceAsync(string name)
    {
        await IpAsync("netns", "add", name);
        _created.Add(name);
    }

    private static async Task IpAsync(params string[] args)
    {
        var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(info.ArgumentList.Add);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', args)} failed: {(await error).Trim()}");
        }
    }
}
