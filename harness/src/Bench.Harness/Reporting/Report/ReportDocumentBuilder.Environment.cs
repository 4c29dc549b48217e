using Bench.Harness.Reporting.Report.Document;
using Bench.Harness.Statistics;

namespace Bench.Harness.Reporting.Report;

internal static partial class ReportDocumentBuilder
{
    private static ReportSection EnvironmentSection(ReportModel model, string machine)
    {
        var results = model.Results;
        var environment = results.Environment;
        var settings = results.Settings;
        string Setting(string key) => settings.TryGetValue(key, out var value) ? value : "not recorded";
        var git = environment.Git is { } g ? $"`{g.Commit}`{(g.Dirty ? " (dirty: the working tree had uncommitted changes)" : " (clean)")}" : "not recorded";
        var items = new List<string>
        {
            $"Machine: {machine}; kernel {environment.Kernel ?? "unknown"}",
            $"Open files limit: {Limit(environment.OpenFilesLimit?.Soft)} soft, {Limit(environment.OpenFilesLimit?.Hard)} hard",
            $"CPU placement: backend on CPU {Setting("cpu.backend")}, load generator on CPU {Setting("cpu.generator")}, broker on CPU {Setting("cpu.broker")}",
            $"Profile: `{results.Profile}`; trials: {Setting("trials")}; scales: {Setting("scales")}; warm-up {Setting("warmup")}, measured phase {Setting("measure")}",
            $"Order: {Setting("order")}",
            $"SLO: {ServiceLevel.Of(results).Describe()}",
            $"Started {Timestamp(results.StartedAt)}; " + (results.CompletedAt is { } done ? $"completed {Timestamp(done)}" : "**not completed (partial)**"),
            $"Runtimes: {Versions(environment.Runtimes)}",
            $"Packages: {Versions(environment.Packages)}",
            $"Git commit: {git}",
            $"Command line: `{environment.CommandLine}`",
        };
        if (settings.TryGetValue("agents", out var agents))
        {
            items.Insert(3, $"Load generator: {agents}");
        }

        items.AddRange(Topology(results));
        return new ReportSection("Environment", 2, [new ListBlock(items)], []);
    }

    /// <summary>
    /// Where a fleet outgrew one process (RLIMIT_NOFILE per process): the cells that ran several mosquitto instances,
    /// and the backends that ran more workers than backends.yaml gives them.
    /// </summary>
    private static IEnumerable<string> Topology(Results.ResultsDocument results)
    {
        var written = results.Settings.TryGetValue("workers", out var text)
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in results.Cells.Where(c => c.Brokers > 1).GroupBy(c => (c.Workload, c.Scale, Brokers: c.Brokers!.Value)).OrderBy(g => g.Key.Scale))
        {
            var (workload, scale, brokers) = group.Key;
            yield return $"Brokers: {workload} at {ReportText.Count(scale)} devices ran {ReportText.Count(brokers)} mosquitto instances (one process holds at most its descriptor limit's connections): device n connects to broker n mod {ReportText.Count(brokers)}, "
                + $"and {string.Join(", ", group.Select(c => c.Backend).Distinct())} subscribed to every one and replied through the broker a reading came from; the broker figures are the sum over the instances";
        }

        foreach (var group in results.Cells
            .Where(c => c.Workers is { } w && written.TryGetValue(c.Backend, out var own) && own != w.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .GroupBy(c => (c.Backend, c.Workload, c.Scale, Workers: c.Workers!.Value)).Select(g => g.Key).OrderBy(k => k.Scale).ThenBy(k => k.Backend, StringComparer.Ordinal))
        {
            yield return $"Workers: {group.Backend} ran {ReportText.Count(group.Workers)} worker processes on {group.Workload} at {ReportText.Count(group.Scale)} devices (backends.yaml gives {written[group.Backend]}): one process holds at most its descriptor limit's connections";
        }
    }

    private static ReportSection MethodSection(ReportModel model)
    {
        var trials = model.MaxTrials;
        var alpha = trials >= 2 ? Alpha.For(trials, trials) : (double?)null;
        var alphaText = alpha is { } a && Alpha.IsReachable(a, trials, trials)
            ? $"With {ReportText.Count(trials)} trials per side α is {ReportText.Probability(a)}, the smallest conventional level an exact test of that many trials can reach (smallest possible p {ReportText.Probability(Alpha.SmallestAttainable(trials, trials))})."
            : trials >= 2
                ? $"With {ReportText.Count(trials)} trials per side no exact test can reach α 0.05 (smallest possible p {ReportText.Probability(Alpha.SmallestAttainable(trials, trials))}): no difference is called."
                : "With one trial no test is possible: no difference is called.";
        var items = new List<string>
        {
            "Each cell is one backend × workload × device scale × trial. Latency is measured from the intended send time (open model, no coordinated omission); CPU and memory cover the backend's whole process tree, warm-up excluded (docs/results-format.md).",
            "Medians across valid trials; the 95% interval of the median is the distribution-free order-statistic interval, which needs at least 6 trials (below that the report says \"n too small for a 95% interval\").",
            "A difference is called only when an exact Mann–Whitney U test against the other side moved by the margin passes at α, and \"the same\" only when the equivalence test passes (docs/statistics.md). " + alphaText,
            "Margins: 10% or 0.5 ms for latencies, 5% for throughput, 5% or 1 MiB for memory, 5% or 2 points for CPU percentages; a winner must be clearly better than every other backend (an intersection–union test, so no multiple-comparison correction is needed).",
            "Saturated, failed, crashed and skipped cells are listed under \"Read this first\", marked ⚠ in the tables and excluded from charts, winners and claims.",
        };
        return new ReportSection("Method", 2, [new ListBlock(items)], []);
    }

    private static string Limit(long? value) => value is { } v ? ReportText.Count(v) : "unlimited";

    private static string Versions(IReadOnlyDictionary<string, string?> versions) => versions.Count == 0
        ? "not recorded"
        : string.Join(", ", versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} {v.Value ?? "not installed"}"));

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
}
