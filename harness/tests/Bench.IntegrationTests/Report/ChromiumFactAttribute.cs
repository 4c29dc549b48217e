namespace Bench.IntegrationTests.Report;

/// <summary>A fact that needs Debian's Chromium; skipped, with the reason, on a machine without it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = $"{ChromiumPath} is not installed (apt-get install chromium; ./bench.sh installs it)";
        }
    }
}
