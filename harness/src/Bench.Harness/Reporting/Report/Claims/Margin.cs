namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>The smallest difference a claim counts: a fraction of the other side, or an absolute floor, whichever is larger.</summary>
internal sealed record Margin(double Relative, double Absolute)
{
    public string Describe(string unit) => ReportText.Format($"{ReportText.Percent(Relative)} or {ReportText.WithUnit(Absolute, unit)}, whichever is larger");
}
