using System.Globalization;

namespace Bench.Harness.Sampling;

/// <summary>Parses the /proc files the sampler reads (proc_pid_stat(5), proc_pid_status(5), smaps_rollup).</summary>
internal static class ProcfsParser
{
    /// <summary>The fields of /proc/PID/stat the sampler uses; CPU times are in clock ticks.</summary>
    internal readonly record struct StatFields(char State, int ParentPid, long UserTicks, long SystemTicks, long StartTime);

    /// <summary>
    /// Parses /proc/PID/stat. The command name (field 2) may hold spaces and parentheses, so the fields are
    /// counted from after the last ')': field 3 (state) is index 0 there, field N is index N - 3.
    /// </summary>
    public static StatFields? ParseStat(string text)
    {
        var close = text.LastIndexOf(')');
        if (close < 0 || close + 2 >= text.Length)
        {
            return null;
        }

        var fields = text[(close + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 20 || fields[0].Length == 0)
        {
            return null;
        }

        return int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ppid)
            && long.TryParse(fields[11], NumberStyles.Integer, CultureInfo.InvariantCulture, out var utime)
            && long.TryParse(fields[12], NumberStyles.Integer, CultureInfo.InvariantCulture, out var stime)
            && long.TryParse(fields[19], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
                ? new StatFields(fields[0][0], ppid, utime, stime, start)
                : null;
    }

    /// <summary>Rss and Pss in bytes from /proc/PID/smaps_rollup (values there are in kB); null when absent.</summary>
    public static (long RssBytes, long PssBytes)? ParseSmapsRollup(string text)
    {
        var rss = KilobyteField(text, "Rss:");
        var pss = KilobyteField(text, "Pss:");
        return rss is null || pss is null ? null : (rss.Value, pss.Value);
    }

    /// <summary>Threads from /proc/PID/status.</summary>
    public static int? ParseThreads(string text)
    {
        var value = Field(text, "Threads:");
        return value is not null && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var threads) ? threads : null;
    }

    /// <summary>VmRSS in bytes from /proc/PID/status: the fallback when smaps_rollup cannot be read.</summary>
    public static long? ParseStatusRss(string text) => KilobyteField(text, "VmRSS:");

    private static long? KilobyteField(string text, string key)
    {
        var value = Field(text, key);
        if (value is null)
        {
            return null;
        }

        var number = value.Split(' ', 2)[0];
        return long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kilobytes) ? kilobytes * 1024 : null;
    }

    /// <summary>The trimmed value after "Key:" at the start of a line; keys such as "Pss:" must not match "Pss_Anon:".</summary>
    private static string? Field(string text, string key)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return line[key.Length..].Trim().ToString();
            }
        }

        return null;
    }
}
