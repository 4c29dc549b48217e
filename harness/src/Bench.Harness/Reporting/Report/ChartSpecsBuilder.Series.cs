using System.Globalization;
using System.Text.Json.Nodes;
using Bench.Harness.Results;
using Bench.Load.Recording;

namespace Bench.Harness.Reporting.Report;

internal static partial class ChartSpecsBuilder
{
    private const string LatencyHistogram = "latency";

    // HDR percentile plot of each backend: the valid trials' histograms merged exactly (counts added), never averaged.
    private static ChartDefinition? Spectrum(IReadOnlyList<CellGroup> groups, string workload, int scale, string text)
    {
        var rows = new JsonArray();
        foreach (var group in groups)
        {
            var (merged, perMillisecond) = Merged(group);
            if (merged is null)
            {
                continue;
            }

            foreach (var tick in merged.Percentiles())
            {
                if (tick.Value > 0)
                {
                    rows.Add(Row(("backend", group.Backend), ("quantile", Math.Min(1, tick.Percentile / 100)), ("latencyMs", tick.Value / perMillisecond)));
                }
            }
        }

        return Chart($"spectrum-{workload}-{scale}", "latency-spectrum", "Latency by percentile (HDR histogram, valid trials merged)", workload, text, rows);
    }

    // Trials of one cell record in one unit; a trial in another unit (or an unknown one) is left out, never mixed in.
    private static (LatencyHistogram? Merged, double PerMillisecond) Merged(CellGroup group)
    {
        LatencyHistogram? merged = null;
        string? unit = null;
        foreach (var trial in group.ValidTrials)
        {
            if (!trial.Histograms.TryGetValue(LatencyHistogram, out var record) || UnitsPerMillisecond(record.Unit) is null || (unit ?? record.Unit) != record.Unit)
            {
                continue;
            }

            unit = record.Unit;
            var histogram = HistogramEncoding.DecodeCompressedBase64(record.Data);
            if (merged is null)
            {
                merged = histogram;
            }
            else
            {
                merged.Add(histogram);
            }
        }

        return merged is { TotalCount: > 0 } ? (merged, UnitsPerMillisecond(unit!)!.Value) : (null, 1);
    }

    private static double? UnitsPerMillisecond(string unit) => unit switch
    {
        "ns" => 1e6,
        "us" or "µs" => 1e3,
        "ms" => 1,
        _ => null,
    };

    private static ChartDefinition? JobThroughput(IReadOnlyList<CellGroup> groups, string workload, int scale, string text)
    {
        var rows = new JsonArray();
        foreach (var group in groups)
        {
            foreach (var (name, summary) in group.Metrics.Where(m => m.Key.StartsWith(MetricNames.JobsThroughputPrefix, StringComparison.Ordinal)))
            {
                var sizeText = name[MetricNames.JobsThroughputPrefix.Length..];
                if (int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0 && summary.Summary.Min > 0)
                {
                    rows.Add(WithSpread(Row(("backend", group.Backend), ("jobSize", size), ("jobsPerSecond", summary.Median)), summary));
                }
            }
        }

        // The mixed workload records one job size as a side figure; the chart is for workloads that sweep sizes.
        var sizes = rows.Select(r => r!["jobSize"]!.GetValue<int>()).Distinct().Count();
        return sizes < 2 ? null : Chart($"jobs-{workload}-{scale}", "cpu-job-throughput", "CPU-job throughput by job size", workload, text, rows);
    }

    private static IEnumerable<ChartDefinition> TimeSeriesCharts(ReportModel model, string workload)
    {
        foreach (var scale in model.ScalesOf(workload))
        {
            var trials = model.At(workload, scale).SelectMany(g => g.ValidTrials).ToList();
            foreach (var trial in trials.Select(t => t.Trial).Distinct().Order())
            {
                var rows = new JsonArray();
                foreach (var cell in trials.Where(t => t.Trial == trial))
                {
                    foreach (var row in SeriesRows(cell))
                    {
                        rows.Add(row);
                    }
                }

                var title = $"Throughput, p99 and RSS over time, trial {trial.ToString(CultureInfo.InvariantCulture)}";
                if (Chart($"timeseries-{workload}-{scale}-t{trial}", "timeseries", title, workload, ReportText.Devices(scale), rows, UnitOption(workload)) is { } chart)
                {
                    yield return chart;
                }
            }
        }
    }

    // Load series (per interval) and resource samples (1 Hz) are taken at slightly different instants; both are put
    // on whole seconds so each row holds the three panels' values at one time. Phase series ("alone.throughput",
    // "n1024.throughput") cover disjoint stretches of the cell, so values falling on one second are summed
    // (throughput) or the larger kept (p99).
    private static IEnumerable<JsonObject> SeriesRows(CellResult cell)
    {
        var points = new SortedDictionary<int, (double? Throughput, double? P99, double? Rss)>();
        foreach (var series in cell.Series)
        {
            var kind = SeriesKind(series.Name);
            for (var i = 0; kind != SeriesField.None && i < Math.Min(series.Seconds.Count, series.Values.Count); i++)
            {
                var second = (int)Math.Round(series.Seconds[i], MidpointRounding.AwayFromZero);
                var point = points.GetValueOrDefault(second);
                var value = series.Values[i];
                points[second] = kind switch
                {
                    SeriesField.Throughput => point with { Throughput = (point.Throughput ?? 0) + value },
                    SeriesField.P99 => point with { P99 = Math.Max(point.P99 ?? 0, value) },
                    _ => point with { Rss = value },
                };
            }
        }

        return points.Select(p => Row(("backend", cell.Backend), ("tSeconds", p.Key), ("throughput", p.Value.Throughput), ("p99Ms", p.Value.P99), ("rssMiB", p.Value.Rss)));
    }

    private static SeriesField SeriesKind(string name) => name switch
    {
        "throughput" or "ladder.throughput" => SeriesField.Throughput,
        "latency.p99" or "ladder.p99" => SeriesField.P99,
        "backend.rss" => SeriesField.Rss,
        _ when name.EndsWith(".throughput", StringComparison.Ordinal) && !name.StartsWith("ladder.", StringComparison.Ordinal) => SeriesField.Throughput,
        _ when name.EndsWith(".latency.p99", StringComparison.Ordinal) => SeriesField.P99,
        _ => SeriesField.None,
    };

    private enum SeriesField
    {
        None,
        Throughput,
        P99,
        Rss,
    }
}
