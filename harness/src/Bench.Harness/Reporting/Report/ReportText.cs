using System.Globalization;
using Bench.Harness.Statistics;

namespace Bench.Harness.Reporting.Report;

/// <summary>
/// Every number the report prints goes through here: invariant culture (a decimal point on every machine, so the
/// same results.json gives the same bytes), and a precision that fits the magnitude.
/// </summary>
internal static class ReportText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>About four significant figures, thousands grouped with a thin comma: 12,345 · 123.4 · 1.234 · 0.01234.</summary>
    public static string Number(double value)
    {
        var magnitude = Math.Abs(value);
        var format = magnitude switch
        {
            0 => "0",
            >= 1000 => "#,##0",
            >= 100 => "0.#",
            >= 10 => "0.##",
            >= 1 => "0.###",
            _ => "0.####",
        };
        var text = value.ToString(format, Invariant);
        return text is "0" or "-0" && magnitude > 0 ? value.ToString("G3", Invariant) : text;
    }

    /// <summary>A whole number with thousands grouped: 10,000.</summary>
    public static string Count(long value) => value.ToString("#,##0", Invariant);

    /// <summary>A number with its unit, as axis titles and tables show it: "12.5 ms", "81 MiB", "3.2×".</summary>
    public static string WithUnit(double value, string unit) => unit switch
    {
        "count" => Number(value),
        "ratio" => Number(value) + "×",
        "%" => Number(value) + "%",
        _ => $"{Number(value)} {unit}",
    };

    /// <summary>"12.5 [11.9–13.1]" with the median's 95% interval, or "12.5 †" when n is too small for one.</summary>
    public static string MedianWithInterval(MetricSummary metric) => metric.Summary.MedianInterval is { } ci
        ? $"{Number(metric.Median)} [{Number(ci.Lower)}–{Number(ci.Upper)}]"
        : Number(metric.Median) + " " + NoIntervalMark;

    /// <summary>Marks a median printed without an interval; the report's legend explains it.</summary>
    public const string NoIntervalMark = "†";

    /// <summary>The interval in words, for claim evidence.</summary>
    public static string IntervalWords(Summary summary) => summary.MedianInterval is { } ci
        ? $"95% CI {Number(ci.Lower)}–{Number(ci.Upper)} ({Percent(ci.Level)} coverage)"
        : "n too small for a 95% interval";

    /// <summary>A fraction as a percentage: 0.969 → "96.9%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", Invariant) + "%";

    /// <summary>A signed relative change: +12.5% / −3%.</summary>
    public static string Change(double fraction)
    {
        var text = Math.Abs(fraction * 100).ToString("0.#", Invariant) + "%";
        return fraction < 0 ? "−" + text : "+" + text;
    }

    /// <summary>A p-value or α: 0.05, 0.0039.</summary>
    public static string Probability(double p) => p.ToString("G3", Invariant);

    /// <summary>Bytes as GiB with one decimal: 23.6 GiB.</summary>
    public static string Gibibytes(long bytes) => (bytes / (1024.0 * 1024 * 1024)).ToString("0.0", Invariant) + " GiB";

    /// <summary>Devices as charts and headings name them: 20, 1,000, 100,000 devices.</summary>
    public static string Devices(int scale) => Count(scale) + (scale == 1 ? " device" : " devices");

    /// <summary>A range of scales: "1,000–100,000 devices", or one scale.</summary>
    public static string DeviceRange(IReadOnlyList<int> scales) => scales.Count switch
    {
        0 => "no devices",
        1 => Devices(scales[0]),
        _ => $"{Count(scales.Min())}–{Count(scales.Max())} devices",
    };

    /// <summary>Interpolates with the invariant culture.</summary>
    public static string Format(FormattableString text) => text.ToString(Invariant);
}
