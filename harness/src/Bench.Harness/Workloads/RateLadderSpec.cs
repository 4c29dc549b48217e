namespace Bench.Harness.Workloads;

/// <summary>A geometric ladder of arrival rates: <paramref name="StartRate"/>, ×<paramref name="Growth"/>, … up to <paramref name="MaxRate"/>.</summary>
internal sealed record RateLadderSpec(double StartRate, double Growth, double MaxRate)
{
    /// <summary>A ladder longer than this is a typo (growth 1.01), not a plan.</summary>
    public const int MaxSteps = 40;

    /// <summary>The rates of every step, in requests per second, ascending; never more than <see cref="MaxSteps"/>.</summary>
    public IReadOnlyList<double> Rates
    {
        get
        {
            var rates = new List<double>();
            for (var rate = StartRate; rate <= MaxRate * (1 + 1e-9) && rates.Count < MaxSteps; rate *= Growth)
            {
                rates.Add(Math.Round(rate, 3));
            }

            return rates;
        }
    }
}
