using System.Buffers;

namespace Bench.Backend.Analyze;

/// <summary>
/// A validated analyze request (contract §4). The samples live in a pooled buffer: dispose the request
/// once the job has run.
/// </summary>
internal sealed class AnalyzeRequest(double[] sampleBuffer, int count, double sampleRateHz, int window, double threshold) : IDisposable
{
    private double[]? _sampleBuffer = sampleBuffer;

    public ReadOnlySpan<double> Samples =>
        (_sampleBuffer ?? throw new ObjectDisposedException(nameof(AnalyzeRequest))).AsSpan(0, count);

    public double SampleRateHz { get; } = sampleRateHz;

    public int Window { get; } = window;

    public double Threshold { get; } = threshold;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _sampleBuffer, null) is { } buffer)
            ArrayPool<double>.Shared.Return(buffer);
    }
}
