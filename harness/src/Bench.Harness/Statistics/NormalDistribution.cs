namespace Bench.Harness.Statistics;

/// <summary>
/// The standard normal CDF, for the large-sample Mann–Whitney approximation. The BCL has no erf, and the
/// harness does not take a numerics package for one function.
/// </summary>
internal static class NormalDistribution
{
    /// <summary>Φ(z) = P(Z ≤ z).</summary>
    public static double Cdf(double z) => z < 0 ? Erfc(-z / Math.Sqrt(2)) / 2 : 1 - Erfc(z / Math.Sqrt(2)) / 2;

    /// <summary>Complementary error function for x ≥ 0: about 1e-15 absolute error, 1e-12 relative at worst (near 2.5).</summary>
    internal static double Erfc(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        return x < 2.5 ? 1 - ErfSeries(x) : ErfcContinuedFraction(x);
    }

    // Maclaurin series: erf x = 2/√π Σ (−1)^k x^(2k+1) / (k! (2k+1)); below 2.5 the terms stay small enough
    // that cancellation costs under two digits.
    private static double ErfSeries(double x)
    {
        double term = x;
        double sum = x;
        double square = x * x;
        for (int k = 1; k < 200 && Math.Abs(term) > 1e-17 * Math.Abs(sum); k++)
        {
            term *= -square / k;
            sum += term / (2 * k + 1);
        }

        return 2 / Math.Sqrt(Math.PI) * sum;
    }

    // Laplace's continued fraction erfc x = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))),
    // evaluated with the modified Lentz method; it converges fast away from zero.
    private static double ErfcContinuedFraction(double x)
    {
        const double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++)
        {
            double a = k / 2.0;
            d = x + a * d;
            d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
            c = x + a / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-x * x) / (Math.Sqrt(Math.PI) * f);
    }
}
