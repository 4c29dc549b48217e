using System.Globalization;
using System.Text;

namespace Bench.Harness.Results;

/// <summary>
/// timeseries.csv: every time series of every cell in long form, one point per row, for spreadsheets and
/// plotting tools. Rows are appended cell by cell (rewriting the whole file per cell would grow quadratically).
/// </summary>
internal static class TimeSeriesCsv
{
    public const string Header = "backend,workload,scale,trial,series,unit,seconds,value";

    public static string Rows(CellResult cell)
    {
        var text = new StringBuilder();
        foreach (var series in cell.Series)
        {
            for (var i = 0; i < Math.Min(series.Seconds.Count, series.Values.Count); i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Field(cell.Backend)},{Field(cell.Workload)},{cell.Scale},{cell.Trial},");
                text.Append(CultureInfo.InvariantCulture, $"{Field(series.Name)},{Field(series.Unit)},{series.Seconds[i]:0.###},{series.Values[i]:R}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>RFC 4180 quoting, needed only if a name holds a comma, quote or line break.</summary>
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
