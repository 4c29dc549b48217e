using Bench.Harness.Reporting.Report.Claims;
using Bench.Harness.Reporting.Report.Document;

namespace Bench.Harness.Reporting.Report;

internal static partial class ReportDocumentBuilder
{
    private static ReportSection ClaimsSummary(IReadOnlyList<ClaimResult> claims)
    {
        var intro = new ParagraphBlock("What this run says about claims that Node-vs-Python articles make. Each verdict applies the rule "
            + "written under it (docs/claims.md) to valid cells only: **holds**, **does not hold**, **inconclusive** (the data cannot decide: "
            + "one trial, too few trials, saturated or failed cells, or overlapping trials), or **not measured** (the workload or backend the "
            + "claim needs was not run; nothing is guessed). .NET's figures are shown beside the evidence.");
        var rows = claims.Select(c => (IReadOnlyList<string>)[c.Id, c.Statement, $"**{c.VerdictText}**"]).ToList();
        return new ReportSection("Claims", 2, [intro, new TableBlock(["claim", "statement", "verdict on this machine"], rows, new HashSet<int>())], []);
    }

    private static ReportSection ClaimSection(ClaimResult claim)
    {
        var blocks = new List<ReportBlock>
        {
            new ParagraphBlock($"**Verdict: {claim.VerdictText}.** {claim.Explanation}"),
            new ParagraphBlock($"Rule: {claim.Rule}"),
        };
        if (claim.Evidence.Count > 0)
        {
            var rows = claim.Evidence.Select(e => (IReadOnlyList<string>)[
                $"`{e.Backend}`", e.Role, e.Workload, ReportText.Count(e.Scale), $"`{e.Metric}`", e.Figure, e.Spread]).ToList();
            blocks.Add(new TableBlock(["backend", "role", "workload", "devices", "metric", "median", "spread"], rows, new HashSet<int> { 3, 5 }));
        }

        return new ReportSection($"{claim.Id}: {claim.Statement}", 3, blocks, []);
    }
}
