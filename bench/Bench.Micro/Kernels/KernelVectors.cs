using System.Globalization;
using System.Text;

namespace Bench.Micro.Kernels;

/// <summary>
/// The inputs every kernel is timed on: for each N, a 5 Hz tone with noise and a few spikes, sampled at
/// 100 Hz, six decimals like the contract vectors. Deterministic, so the benchmark process, the host and the
/// Node.js script all see the same numbers.
/// </summary>
public static class KernelVectors
{
    public const double SampleRateHz = 100;
    public const int Window = 64;
    public const double Threshold = 4.0;

    public static IReadOnlyList<int> Sizes { get; } = [1024, 4096, 16384, 65536];

    public static double[] Samples(int n)
    {
        var random = new Random(n);
        var samples = new double[n];
        for (var i = 0; i < n; i++)
        {
            var value = Math.Sin(2 * Math.PI * 5 * i / SampleRateHz) + ((random.NextDouble() - 0.5) * 0.2);
            // One spike in 256 samples, so the anomaly path does real work.
            if (random.Next(256) == 0)
                value += 8;
            samples[i] = Math.Round(value, 6);
        }
        return samples;
    }

    /// <summary>Every size as JSON for node-kernel.mjs: <c>[{"n","sampleRateHz","window","threshold","samples"}]</c>.</summary>
    public static string ToJson()
    {
        var text = new StringBuilder("[");
        foreach (var n in Sizes)
        {
            text.Append(text.Length > 1 ? "," : "")
                .Append(CultureInfo.InvariantCulture, $"{{\"n\":{n},\"sampleRateHz\":{SampleRateHz},\"window\":{Window},\"threshold\":{Threshold},\"samples\":[")
                .AppendJoin(',', Samples(n).Select(s => s.ToString("R", CultureInfo.InvariantCulture)))
                .Append("]}");
        }
        return text.Append(']').ToString();
    }
}
