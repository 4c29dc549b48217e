using System.Net;
using System.Text.RegularExpressions;

namespace Bench.Harness.Reporting.Report;

/// <summary>The document model's two inline marks as HTML: <c>**bold**</c> → strong, <c>`code`</c> → code; the rest escaped.</summary>
internal static partial class InlineMarkup
{
    public static string ToHtml(string text)
    {
        var escaped = WebUtility.HtmlEncode(text);
        var coded = CodeSpan().Replace(escaped, "<code>$1</code>");
        return BoldSpan().Replace(coded, "<strong>$1</strong>");
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex BoldSpan();
}
