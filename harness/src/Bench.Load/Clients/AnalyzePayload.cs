using System.Globalization;
using System.Text;

namespace Bench.Load.Clients;

/// <summary>Builds one analyze request (workloads/contract §4) once per run: a sine with noise, sent as is by every send.</summary>
public static class AnalyzePayload
{
    public static byte[] Build(int samples)
    {
        if (samples < 16 || samples > 65_536 || (samples & (samples - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "The sample count must be a power of two from 16 to 65,536.");
        }

        var random = new Random(samples);
        var text = new StringBuilder(samples * 10);
        text.Append("{\"samples\":[");
        for (int i = 0; i < samples; i++)
        {
            double value = Math.Sin(2 * Math.PI * 5 * i / samples) + ((random.NextDouble() - 0.5) * 0.2);
            text.Append(i == 0 ? "" : ",").Append(value.ToString("F6", CultureInfo.InvariantCulture));
        }

        // The default window (64) needs more than 64 samples; smaller requests name a window that fits.
        int window = Math.Min(64, samples / 2);
        text.Append(CultureInfo.InvariantCulture, $"],\"sampleRateHz\":100,\"window\":{window},\"threshold\":4.0}}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
