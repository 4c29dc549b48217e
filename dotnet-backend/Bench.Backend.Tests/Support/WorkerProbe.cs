using System.Text.Json.Nodes;

namespace Bench.Backend.Tests.Support;

/// <summary>
/// Reaches the workers behind one SO_REUSEPORT port. The kernel picks a worker per connection, so each probe opens a
/// fresh connection and asks /health (who answers) and then /stats on that same connection (what that worker counted).
/// </summary>
internal static class WorkerProbe
{
    /// <summary>The /stats of every worker that answered one of <paramref name="connections"/> fresh connections, by PID.</summary>
    public static async Task<IReadOnlyDictionary<int, JsonNode>> StatsByWorkerAsync(Uri baseAddress, int connections)
    {
        var byWorker = new Dictionary<int, JsonNode>();
        for (var i = 0; i < connections; i++)
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1 };
            using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
            var health = JsonNode.Parse(await http.GetStringAsync("/health"))!;
            var stats = JsonNode.Parse(await http.GetStringAsync("/stats"))!;
            byWorker[health["pid"]!.GetValue<int>()] = stats;
        }
        return byWorker;
    }
}
