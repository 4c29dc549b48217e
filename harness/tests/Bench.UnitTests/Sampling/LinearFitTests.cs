using Bench.Harness.Sampling;

namespace Bench.UnitTests.Sampling;

public class LinearFitTests
{
    [Fact]
    public void An_exact_line_is_recovered()
    {
        var fit = LinearFit.LeastSquares([(0, 100), (10, 150), (20, 200), (30, 250)]);

        Assert.NotNull(fit);
        Assert.Equal((5.0, 100.0, 1.0, 4), (Math.Round(fit.Slope, 9), Math.Round(fit.Intercept, 9), Math.Round(fit.RSquared, 9), fit.Points));
    }

    [Fact]
    public void Noisy_points_give_the_textbook_least_squares_slope()
    {
        // x = 1..5, y = 2, 4, 5, 4, 5: slope 0.6, intercept 2.2, r² = 0.6 (a standard worked example).
        var fit = LinearFit.LeastSquares([(1, 2), (2, 4), (3, 5), (4, 4), (5, 5)]);

        Assert.NotNull(fit);
        Assert.Equal((0.6, 2.2, 0.6), (Math.Round(fit.Slope, 9), Math.Round(fit.Intercept, 9), Math.Round(fit.RSquared, 9)));
    }

    [Fact]
    public void No_slope_exists_for_one_point_or_a_constant_x()
    {
        Assert.Null(LinearFit.LeastSquares([(1, 2)]));
        Assert.Null(LinearFit.LeastSquares([(3, 1), (3, 2), (3, 9)]));
    }

    [Fact]
    public void Memory_per_connection_pairs_each_sample_with_the_connections_open_at_that_time()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var samples = Enumerable.Range(0, 6)
            .Select(i => new ResourceSample("backend", start.AddSeconds(i), TimeSpan.FromSeconds(1), 1, TimeSpan.Zero, 0, 0, 50_000_000 + i * 1000 * 20_480L, 0, 1, 3))
            .ToList();
        // 1000 connections a second; the count is reported a little before each sample.
        var open = Enumerable.Range(0, 6).Select(i => (start.AddSeconds(i - 0.1), i * 1000)).ToList();

        var fit = MemoryPerConnection.Estimate(samples, open, start.AddSeconds(1), start.AddSeconds(5));

        Assert.NotNull(fit);
        Assert.Equal(20_480.0, fit.Slope, precision: 6);
        Assert.Equal(5, fit.Points);
    }

    [Fact]
    public void Memory_per_connection_needs_a_ramp()
    {
        var start = DateTimeOffset.UnixEpoch;
        var samples = Enumerable.Range(0, 2)
            .Select(i => new ResourceSample("backend", start.AddSeconds(i), TimeSpan.Zero, 1, TimeSpan.Zero, null, null, 1, 1, 1, 1))
            .ToList();

        Assert.Null(MemoryPerConnection.Estimate(samples, [(start, 10)], start, start.AddSeconds(9)));
    }
}
