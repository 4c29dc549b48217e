using System.Diagnostics;
using Bench.Load.Clients;
using Bench.Load.Monitoring;
using Bench.Load.Recording;

namespace Bench.Load.Engine;

/// <summary>
/// Once a second, on whole seconds from the run's start: closes the time-series interval, samples the generator's
/// CPU, moves latencies into the totals, times out sends unanswered for longer than the send timeout, keeps the
/// interval when it lies in the measured window or the drain, and reports progress.
/// </summary>
internal sealed class TickLoop(
    LoadRecorder recorder, CpuMonitor cpu, IProgress<LoadProgress>? progress, long start, long frequency, TimeSpan sendTimeout)
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private ILoadClient? _client;
    private RunTimeline? _timeline;

    public RunTimeline? Timeline
    {
        get => Volatile.Read(ref _timeline);
        set => Volatile.Write(ref _timeline, value);
    }

    public List<LoadEngine.MeasuredInterval> Measured { get; } = [];

    public long StoppedAt { get; private set; } = long.MaxValue;

    /// <summary>The first whole second of the time series after <paramref name="now"/>.</summary>
    public long NextBoundary(long now) => start + ((((now - start) / frequency) + 1) * frequency);

    public void Start(ILoadClient client)
    {
        _client = client;
        _loop = RunAsync();
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        StoppedAt = Stopwatch.GetTimestamp();
        Tick(StoppedAt);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        long next = start + frequency;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Pacing.DelayUntilAsync(next, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            long now = Stopwatch.GetTimestamp();
            Tick(now);
            // A tick that ran late does not shift the grid; missed seconds are folded into this one.
            next = NextBoundary(Math.Max(now, next));
        }
    }

    private void Tick(long now)
    {
        IntervalSample sample = recorder.Series.CloseInterval(now);
        double cpuUse = cpu.Sample();
        recorder.TakeLatencies();
        var timeline = Timeline;
        if (timeline is not null)
        {
            _client?.ExpireInFlight(now - RunTimeline.Ticks(sendTimeout, frequency));
        }

        long middle = start + RunTimeline.Ticks(sample.Start + (sample.Length / 2), frequency);
        LoadPhase phase = timeline?.PhaseAt(middle) ?? LoadPhase.Connecting;
        if (phase is LoadPhase.Measuring or LoadPhase.Draining)
        {
            Measured.Add(new LoadEngine.MeasuredInterval(
                sample, HistogramEncoding.EncodeCompressed(recorder.Series.LastIntervalLatency), cpuUse, phase));
        }

        long p99 = phase == LoadPhase.Measuring || phase == LoadPhase.Draining ? recorder.Latency.ValueAtPercentile(99) : sample.Latency.P99;
        double seconds = Math.Max(sample.Length.TotalSeconds, 1e-3);
        progress?.Report(new LoadProgress(
            Stopwatch.GetElapsedTime(start, now), phase,
            sample.Sends / seconds, sample.Acks / seconds, p99, sample.OpenConnections, sample.TotalErrors, cpuUse));
    }
}
