using System.Globalization;
using System.Text.RegularExpressions;

namespace Bench.Harness.Orchestration;

/// <summary>The contract's ready line: <c>BENCH-READY backend=&lt;name&gt; port=&lt;port&gt; pid=&lt;pid&gt;</c>.</summary>
internal static partial class ReadyLine
{
    public static bool IsReadyLine(string line) => Pattern().IsMatch(line);

    public static (string Backend, int Port, int Pid) Parse(string line)
    {
        var match = Pattern().Match(line);
        return match.Success
            ? (match.Groups["backend"].Value, int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture))
            : throw new FormatException($"not a ready line: '{line}'");
    }

    [GeneratedRegex(@"^BENCH-READY backend=(?<backend>\S+) port=(?<port>\d{1,5}) pid=(?<pid>\d+)\s*$")]
    private static partial Regex Pattern();
}
