namespace Bench.Load.Engine;

/// <summary>How the devices' connections went: attempts while ramping up, those that opened, and those lost later.</summary>
public sealed record ConnectionSummary(long Attempted, long Opened, long Failed, long Lost)
{
    public static ConnectionSummary operator +(ConnectionSummary left, ConnectionSummary right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new ConnectionSummary(
            left.Attempted + right.Attempted, left.Opened + right.Opened, left.Failed + right.Failed, left.Lost + right.Lost);
    }

    public static ConnectionSummary Add(ConnectionSummary left, ConnectionSummary right) => left + right;
}
