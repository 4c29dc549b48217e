using System.Diagnostics;
using Bench.Load.Clients;
using Bench.Load.Monitoring;

namespace Bench.Load.Engine;

/// <summary>
/// Runs one load spec and returns what it measured. A run connects its devices at the spec's connect rate, then
/// sends through warm-up and the measured window, waits for the last answers until a drain deadline, and stops by
/// itself: it never takes longer than connecting + warm-up + duration + two send timeouts, whatever the backend does.
/// </summary>
public static partial class LoadEngine
{
    public static async Task<LoadResult> RunAsync(LoadSpec spec, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.EnsureValid();
        long frequency = Stopwatch.Frequency;
        long engineStart = Stopwatch.GetTimestamp();
        var recorder = new LoadRecorder(engineStart, frequency);
        var ticks = new TickLoop(recorder, new CpuMonitor(), progress, engineStart, frequency, spec.SendTimeout);
        var client = LoadClients.Create(spec.Protocol, ClientOptions(spec), recorder);
        ILoadRunner? runner = null;
        RunTimeline? timeline = null;
        try
        {
            ticks.Start(client);
            await ConnectAllAsync(spec, client, recorder, cancellationToken);
            // Sending starts on a whole second of the time series, so the measured window is whole intervals.
            timeline = RunTimeline.From(ticks.NextBoundary(Stopwatch.GetTimestamp()), spec, frequency);
            recorder.SetMeasuredWindow(timeline.MeasureStart, timeline.MeasureEnd);
            ticks.Timeline = timeline;
            runner = CreateRunner(spec, client, recorder, timeline);
            await runner.RunAsync(cancellationToken);
            await DrainAsync(recorder, client, timeline, cancellationToken);
            runner.Abandon();
        }
        finally
        {
            await ticks.StopAsync();
            recorder.BeginClosing();
            await client.DisposeAsync();
        }

        return BuildResult(recorder, ticks, timeline);
    }

    private static LoadClientOptions ClientOptions(LoadSpec spec)
    {
        int maxConnections = spec switch
        {
            OpenLoadSpec open => open.Connections,
            ClosedLoadSpec closed => closed.Connections,
            FleetLoadSpec fleet => fleet.Connections,
            _ => 1,
        };
        int inFlightPerDevice = spec switch
        {
            FleetLoadSpec fleet => fleet.MaxInFlightPerDevice,
            ClosedLoadSpec => 1,
            OpenLoadSpec open when spec.Protocol == LoadProtocol.Http => open.MaxInFlight,
            // A persistent device takes its share of the open model's in-flight bound, with room for bursts.
            OpenLoadSpec open => Math.Clamp((int)Math.Ceiling(2.0 * open.MaxInFlight / open.Devices), 4, 64),
            _ => 1,
        };
        var target = spec.Target;
        return new LoadClientOptions(
            spec.DeviceCount,
            spec.DeviceId,
            target.HttpBaseUri,
            target.MqttHost ?? "127.0.0.1",
            device => target.MqttPortFor(spec.DeviceIdOffset + (long)device),
            spec.MqttQos,
            spec.SourceAddress,
            spec.Operation == LoadOperation.Analyze ? AnalyzePayload.Build(spec.AnalyzeSamples) : null,
            maxConnections,
            inFlightPerDevice,
            spec.SendTimeout)
        {
            VibrationField = TelemetryPayload.VibrationField(spec.VibrationSamples),
            MqttReply = spec.MqttReply,
        };
    }

    private static ILoadRunner CreateRunner(LoadSpec spec, ILoadClient client, LoadRecorder recorder, RunTimeline timeline) => spec switch
    {
        OpenLoadSpec open => new OpenRunner(open, client, recorder, timeline),
        ClosedLoadSpec { Interval: null } => new ClosedRunner(client, recorder, timeline),
        // Closed devices on an interval all start together, as wrk2's connections do: no jitter, no phase.
        ClosedLoadSpec closed => new DeviceLoopRunner(
            new FleetSchedule(closed.Connections, closed.Interval.Value, 0, 1, timeline.Frequency), true, client, recorder, timeline),
        FleetLoadSpec fleet => new DeviceLoopRunner(
            new FleetSchedule(fleet.Devices, fleet.Interval, fleet.Jitter, fleet.Seed, timeline.Frequency), false, client, recorder, timeline),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.GetType().Name, "Unknown load model."),
    };

    /// <summary>Opens persistent connections at the spec's rate (device i at i / rate), bounded by the send timeout each.</summary>
    private static async Task ConnectAllAsync(LoadSpec spec, ILoadClient client, LoadRecorder recorder, CancellationToken cancellationToken)
    {
        if (spec.Protocol == LoadProtocol.Http)
        {
            return;
        }

        long start = Stopwatch.GetTimestamp();
        var connects = new List<Task>(client.Devices);
        for (int device = 0; device < client.Devices && !cancellationToken.IsCancellationRequested; device++)
        {
            long due = start + (long)(device * Stopwatch.Frequency / spec.ConnectRate);
            await Pacing.DelayUntilAsync(due, CancellationToken.None);
            recorder.ConnectAttempted();
            connects.Add(client.ConnectAsync(device, cancellationToken));
        }

        await Task.WhenAll(connects);
    }

    private static async Task DrainAsync(LoadRecorder recorder, ILoadClient client, RunTimeline timeline, CancellationToken cancellationToken)
    {
        while (recorder.Outstanding > 0 && Stopwatch.GetTimestamp() < timeline.DrainDeadline && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None);
        }

        // Whatever is still unanswered has timed out; HTTP requests are cancelled and report themselves shortly.
        client.ExpireInFlight(long.MaxValue);
        long deadline = Stopwatch.GetTimestamp() + RunTimeline.Ticks(TimeSpan.FromSeconds(2), timeline.Frequency);
        while (recorder.Outstanding > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(10, CancellationToken.None);
        }
    }
}
