using Bench.Harness.Results;

namespace Bench.UnitTests.Report;

/// <summary>Builds small results documents for the claim and report tests: cells from (backend, workload, scale) and per-trial metric values.</summary>
internal sealed class ReportResults
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly List<CellResult> _cells = [];

    /// <summary>One ok cell per value of <paramref name="trials"/>: trial i gets metrics[name][i].</summary>
    public ReportResults Add(string backend, string workload, int scale, int trials, params (string Metric, double[] Values)[] metrics)
    {
        for (var trial = 1; trial <= trials; trial++)
        {
            var index = trial - 1;
            Add(backend, workload, scale, trial, CellStatus.Ok, metrics.ToDictionary(m => m.Metric, m => m.Values[index]));
        }

        return this;
    }

    public ReportResults Add(string backend, string workload, int scale, int trial, CellStatus status, IReadOnlyDictionary<string, double> metrics)
    {
        var failure = status == CellStatus.Ok ? null : new CellFailure($"{status} for the test", null, []);
        _cells.Add(new CellResult(
            backend, workload, scale, trial, status, Start.AddSeconds(_cells.Count), 10,
            metrics.ToDictionary(m => m.Key, m => MetricValue.Of(m.Key, m.Value)),
            new Dictionary<string, HistogramRecord>(), [], failure));
        return this;
    }

    public ResultsDocument Document() => new(
        ResultsDocument.CurrentSchemaVersion, false, "test", Start, Start.AddHours(1), null,
        new EnvironmentManifest("Debian", "6.1", "Test CPU", 2, 24L << 30, null,
            new Dictionary<string, string?>(), new Dictionary<string, string?>(), null, "bench compare"),
        new Dictionary<string, string>(), _cells);
}
