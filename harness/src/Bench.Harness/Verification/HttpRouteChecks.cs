using System.Text.Json.Nodes;

namespace Bench.Harness.Verification;

/// <summary>/health, /telemetry, /devices/{id}, /stats: statuses, content types, bodies and state after the shared readings.</summary>
internal sealed class HttpRouteChecks : IContractCheckGroup
{
    public string Group => "http";

    public async Task<IReadOnlyList<CheckResult>> RunAsync(VerifyContext context, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult> { await HealthAsync(context, cancellationToken).ConfigureAwait(false) };
        var before = await context.Client.GetAsync("/stats", cancellationToken).ConfigureAwait(false);
        results.Add(await PostReadingsAsync(context, cancellationToken).ConfigureAwait(false));
        results.Add(await StatesAsync(context, cancellationToken).ConfigureAwait(false));
        var unknown = await context.Client.GetAsync("/devices/no-such-device-" + Guid.NewGuid().ToString("N")[..8], cancellationToken).ConfigureAwait(false);
        results.Add(unknown.Code == 404 && unknown.Json?["error"] is not null
            ? CheckResult.Pass(Group, "GET /devices/{unknown} → 404")
            : CheckResult.Fail(Group, "GET /devices/{unknown} → 404", unknown.Describe()));
        var after = await context.Client.GetAsync("/stats", cancellationToken).ConfigureAwait(false);
        results.Add(StatsCheck(context, before, after, context.Vectors.ValidReadings.Count()));
        return results;
    }

    private async Task<CheckResult> HealthAsync(VerifyContext context, CancellationToken cancellationToken)
    {
        const string name = "GET /health";
        var response = await context.Client.GetAsync("/health", cancellationToken).ConfigureAwait(false);
        if (response.Code != 200 || response.MediaType != "application/json")
        {
            return CheckResult.Fail(Group, name, $"expected 200 application/json, got {response.Describe()} ({response.MediaType})");
        }

        var pid = response.Json?["pid"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number ? response.Json["pid"]!.GetValue<int>() : -1;
        return response.Json?["status"]?.ToString() == "ok" && pid > 0 && response.Json?["backend"] is not null
            ? CheckResult.Pass(Group, name)
            : CheckResult.Fail(Group, name, $"expected {{status: ok, backend, pid}}, got {response.Text}");
    }

    private async Task<CheckResult> PostReadingsAsync(VerifyContext context, CancellationToken cancellationToken)
    {
        const string name = "POST /telemetry (shared readings) → 202";
        foreach (var reading in context.Vectors.ValidReadings)
        {
            var response = await context.Client.PostJsonAsync("/telemetry", reading.DeepClone(), cancellationToken).ConfigureAwait(false);
            var seq = JsonNumbers.AsDouble(reading["seq"]!);
            if (response.Code != 202 || response.Json?["deviceId"]?.ToString() != reading["deviceId"]!.ToString()
                || !JsonNumbers.Equal(response.Json?["seq"], seq))
            {
                return CheckResult.Fail(Group, name, $"reading {reading.ToJsonString()} → {response.Describe()}");
            }
        }

        return CheckResult.Pass(Group, name);
    }

    private async Task<CheckResult> StatesAsync(VerifyContext context, CancellationToken cancellationToken)
    {
        const string name = "GET /devices/{id} after the shared readings";
        foreach (var expected in context.Vectors.ExpectedStates)
        {
            var id = expected["deviceId"]!.ToString();
            var response = await context.Client.GetAsync("/devices/" + Uri.EscapeDataString(id), cancellationToken).ConfigureAwait(false);
            var mismatch = response.Code != 200 ? response.Describe() : JsonNumbers.FirstMismatch(expected, response.Json as JsonObject, 1e-9);
            if (mismatch is not null)
            {
                return CheckResult.Fail(Group, name, $"{id}: {mismatch}");
            }
        }

        return CheckResult.Pass(Group, name);
    }

    private CheckResult StatsCheck(VerifyContext context, ContractResponse before, ContractResponse after, int posted)
    {
        const string name = "GET /stats counts accepted readings";
        string[] keys = ["accepted", "rejected", "devices", "openWebSockets", "mqttMessages", "jobs"];
        var missing = keys.Where(k => after.Json?[k] is null || before.Json?[k] is null).ToList();
        if (after.Code != 200 || missing.Count > 0)
        {
            return CheckResult.Fail(Group, name, $"{after.Describe()}; missing {string.Join(", ", missing)}");
        }

        var delta = after.Json!["accepted"]!.GetValue<long>() - before.Json!["accepted"]!.GetValue<long>();
        return delta == posted ? CheckResult.Pass(Group, name)
            : context.IsExempt("stats", out var reason) ? new CheckResult(Group, name, CheckOutcome.Warn, $"accepted grew by {delta} after {posted}; exempt: {reason}")
            : CheckResult.Fail(Group, name, $"accepted grew by {delta} after {posted} accepted readings");
    }
}
