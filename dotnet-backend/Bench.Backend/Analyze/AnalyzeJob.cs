using System.Buffers;
using MathNet.Numerics.IntegralTransforms;

namespace Bench.Backend.Analyze;

/// <summary>The CPU-bound sensor job, exactly as contract §4 defines it.</summary>
internal static class AnalyzeJob
{
    public static AnalyzeResult Run(AnalyzeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var samples = request.Samples;
        var (mean, std, min, max) = Describe(samples);
        var anomalies = RollingAnomalies.Find(samples, request.Window, request.Threshold);
        var dominantHz = DominantFrequency(samples, mean, request.SampleRateHz);
        return new AnalyzeResult(samples.Length, mean, std, min, max, dominantHz, anomalies);
    }

    /// <summary>Population statistics; the variance takes a second pass over the data for accuracy, as NumPy does.</summary>
    public static (double Mean, double Std, double Min, double Max) Describe(ReadOnlySpan<double> samples)
    {
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var x in samples)
        {
            sum += x;
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }
        var mean = sum / samples.Length;
        double squares = 0;
        foreach (var x in samples)
            squares += (x - mean) * (x - mean);
        return (mean, Math.Sqrt(squares / samples.Length), min, max);
    }

    /// <summary>
    /// The bin k in 1..N/2 with the largest |X[k]| of the mean-removed signal (ties: smallest k), in Hz.
    /// MathNet's packed real FFT gives the same bins as the complex transform at half the work.
    /// </summary>
    public static double DominantFrequency(ReadOnlySpan<double> samples, double mean, double sampleRateHz)
    {
        var n = samples.Length;
        // ForwardReal needs N+2 slots for the packed spectrum: bin k is (data[2k], data[2k+1]) for k = 0..N/2.
        var data = ArrayPool<double>.Shared.Rent(n + 2);
        try
        {
            for (var i = 0; i < n; i++)
                data[i] = samples[i] - mean;
            Fourier.ForwardReal(data, n, FourierOptions.Matlab);
            var bestBin = 1;
            var bestPower = -1.0;
            for (var k = 1; k <= n / 2; k++)
            {
                var power = (data[2 * k] * data[2 * k]) + (data[(2 * k) + 1] * data[(2 * k) + 1]);
                if (power > bestPower)
                {
                    bestPower = power;
                    bestBin = k;
                }
            }
            return bestBin * sampleRateHz / n;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(data);
        }
    }
}
