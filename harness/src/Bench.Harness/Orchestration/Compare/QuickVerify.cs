using System.Text.Json.Nodes;
using Bench.Harness.Verification;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>
/// The fast verify subset run in every cell before load: /health, one reading accepted and visible in its device's
/// state, one analyze vector exact. The full contract (verify) has run once per backend before its first cell.
/// </summary>
internal static class QuickVerify
{
    public static async Task<string?> ProblemAsync(Uri baseAddress, ContractVectors vectors, CancellationToken cancellationToken)
    {
        using var client = new ContractClient(baseAddress);
        try
        {
            var health = await client.GetAsync("/health", cancellationToken).ConfigureAwait(false);
            if (health.Code != 200)
            {
                return $"GET /health: {health.Describe()}";
            }

            var reading = new JsonObject { ["deviceId"] = "quick-verify", ["seq"] = 1, ["ts"] = 1_763_769_600_000L, ["temperature"] = 20.5, ["humidity"] = 40, ["battery"] = 90 };
            var posted = await client.PostJsonAsync("/telemetry", reading, cancellationToken).ConfigureAwait(false);
            var state = await client.GetAsync("/devices/quick-verify", cancellationToken).ConfigureAwait(false);
            if (posted.Code != 202 || state.Code != 200 || !JsonNumbers.Equal(state.Json?["count"], 1))
            {
                return $"POST /telemetry then GET /devices: {posted.Describe()}, {state.Describe()}";
            }

            var vector = vectors.AnalyzeVectors.First();
            var analyzed = await client.PostJsonAsync("/jobs/analyze", vector["request"]!.DeepClone(), cancellationToken).ConfigureAwait(false);
            var mismatch = analyzed.Code == 200 ? AnalyzeChecks.Compare(vector["expected"]!.AsObject(), analyzed.Json as JsonObject, vectors) : analyzed.Describe();
            return mismatch is null ? null : $"analyze vector '{vector["name"]}': {mismatch}";
        }
        catch (HttpRequestException ex)
        {
            return $"request failed: {ex.Message}";
        }
    }
}
