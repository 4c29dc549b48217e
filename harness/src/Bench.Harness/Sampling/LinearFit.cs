namespace Bench.Harness.Sampling;

/// <summary>An ordinary least-squares line y = Intercept + Slope·x, with its coefficient of determination.</summary>
internal sealed record LinearFit(double Slope, double Intercept, double RSquared, int Points)
{
    /// <summary>The fitted line; null with fewer than two points or when every x is the same (no slope exists).</summary>
    public static LinearFit? LeastSquares(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            return null;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        double sxx = 0, sxy = 0, syy = 0;
        foreach (var (x, y) in points)
        {
            sxx += (x - meanX) * (x - meanX);
            sxy += (x - meanX) * (y - meanY);
            syy += (y - meanY) * (y - meanY);
        }

        if (sxx == 0)
        {
            return null;
        }

        var slope = sxy / sxx;
        var rSquared = syy == 0 ? 1.0 : sxy * sxy / (sxx * syy);
        return new LinearFit(slope, meanY - slope * meanX, rSquared, points.Count);
    }
}
