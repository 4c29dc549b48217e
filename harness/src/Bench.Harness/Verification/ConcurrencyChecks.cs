using System.Globalization;
using System.Text.Json.Nodes;

namespace Bench.Harness.Verification;

/// <summary>50 concurrent readings for one device: none may be lost, and the mean must be exact.</summary>
internal sealed class ConcurrencyChecks : IContractCheckGroup
{
    private const int Posts = 50;

    public string Group => "state";

    public async Task<IReadOnlyList<CheckResult>> RunAsync(VerifyContext context, CancellationToken cancellationToken)
    {
        const string name = "50 concurrent posts for one device lose no update";
        if (context.IsExempt("state", out var reason))
        {
            return [new CheckResult(Group, name, CheckOutcome.Warn, $"exempt: {reason}")];
        }

        var device = "verify-concurrent-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var posts = Enumerable.Range(0, Posts).Select(i => context.Client.PostJsonAsync("/telemetry", Reading(device, i), cancellationToken));
        var responses = await Task.WhenAll(posts).ConfigureAwait(false);
        var rejected = responses.Where(r => r.Code != 202).Select(r => r.Describe()).FirstOrDefault();
        if (rejected is not null)
        {
            return [CheckResult.Fail(Group, name, $"a post was refused: {rejected}")];
        }

        var state = await context.Client.GetAsync("/devices/" + device, cancellationToken).ConfigureAwait(false);
        var expected = new JsonObject
        {
            ["deviceId"] = device,
            ["count"] = Posts,
            ["temperatureMean"] = Enumerable.Range(0, Posts).Average(Temperature),
        };
        var mismatch = state.Code == 200 ? JsonNumbers.FirstMismatch(expected, state.Json as JsonObject, 1e-9) : state.Describe();
        return [mismatch is null ? CheckResult.Pass(Group, name) : CheckResult.Fail(Group, name, mismatch)];
    }

    private static double Temperature(int i) => 10 + (i * 0.5);

    private static JsonObject Reading(string device, int i) => new()
    {
        ["deviceId"] = device,
        ["seq"] = i,
        ["ts"] = 1_763_769_600_000L + i,
        ["temperature"] = Temperature(i),
        ["humidity"] = 50,
        ["battery"] = 90,
    };
}
