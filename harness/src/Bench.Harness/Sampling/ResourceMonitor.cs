namespace Bench.Harness.Sampling;

/// <summary>
/// Samples a set of named process trees (backend, broker, generator) on one 1 Hz timer, so every source is read
/// at the same instants. Trees can be watched and forgotten while the timer runs (a backend restarted per cell).
/// </summary>
internal sealed class ResourceMonitor(IProcessSampler sampler, int? cores = null, TimeProvider? time = null) : IAsyncDisposable
{
    /// <summary>crank and TFB sample once a second; /proc CPU times have 10 ms resolution, so shorter is noise.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, WatchedTree> _trees = [];
    private readonly List<Action<DateTimeOffset>> _probes = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly int _cores = cores ?? MachineCpus.Online;
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;

    /// <summary>
    /// Starts sampling the tree rooted at <paramref name="rootPid"/> under <paramref name="source"/>. Watching a
    /// new root under a known name (a backend restarted for the next cell) keeps the earlier samples and starts
    /// a fresh CPU baseline; windows passed to <see cref="Summarize"/> select each cell's samples.
    /// </summary>
    public void Watch(string source, int rootPid) => Watch(source, [rootPid]);

    /// <summary>
    /// Samples several process trees as one source (several broker instances sharing a large fleet): each sample
    /// sums their readings, so CPU and memory are the whole set's.
    /// </summary>
    public void Watch(string source, IReadOnlyList<int> rootPids)
    {
        ArgumentOutOfRangeException.ThrowIfZero(rootPids.Count);
        lock (_gate)
        {
            _trees[source] = new WatchedTree([.. rootPids], _trees.TryGetValue(source, out var previous) ? previous.Samples : []);
        }
    }

    /// <summary>Also calls <paramref name="probe"/> at every sample, at the same instant (readings that are not a process tree, such as how busy the generator's CPUs are).</summary>
    public void AlsoSample(Action<DateTimeOffset> probe)
    {
        lock (_gate)
        {
            _probes.Add(probe);
        }
    }

    /// <summary>Stops sampling a tree; its samples stay readable.</summary>
    public void Forget(string source)
    {
        lock (_gate)
        {
            if (_trees.TryGetValue(source, out var tree))
            {
                tree.Active = false;
            }
        }
    }

    public void Start(TimeSpan? interval = null)
    {
        if (_stop is not null)
        {
            throw new InvalidOperationException("The monitor is already running.");
        }

        _stop = new CancellationTokenSource();
        _loop = RunAsync(interval ?? DefaultInterval, _stop.Token);
    }

    public async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _stop = null;
    }

    /// <summary>Takes one sample of every active tree now; the timer calls this, and so can a caller that needs a sample at a phase boundary.</summary>
    public void SampleOnce()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var roots = _trees.Values.Where(t => t.Active).SelectMany(t => t.RootPids).ToList();
            foreach (var (source, tree) in _trees.Where(entry => entry.Value.Active))
            {
                var excluded = roots.Where(pid => !tree.RootPids.Contains(pid)).ToList();
                tree.Record(source, now, [.. tree.RootPids.SelectMany(pid => sampler.SampleTree(pid, excluded))], _cores);
            }

            foreach (var probe in _probes)
            {
                probe(now);
            }
        }
    }

    /// <summary>Every sample of a source so far, oldest first.</summary>
    public IReadOnlyList<ResourceSample> Samples(string source)
    {
        lock (_gate)
        {
            return _trees.TryGetValue(source, out var tree) ? [.. tree.Samples] : [];
        }
    }

    public ResourceSummary Summarize(string source, DateTimeOffset from, DateTimeOffset to) =>
        ResourceSummary.Create(source, Samples(source), from, to);

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            SampleOnce();
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                SampleOnce();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: the samples taken so far are the result.
        }
    }

    private sealed class WatchedTree(IReadOnlyList<int> rootPids, List<ResourceSample> samples)
    {
        private readonly TreeCpuMeter _cpu = new();
        private DateTimeOffset? _previousAt;

        public IReadOnlyList<int> RootPids { get; } = rootPids;

        public bool Active { get; set; } = true;

        public List<ResourceSample> Samples { get; } = samples;

        public void Record(string source, DateTimeOffset now, IReadOnlyList<ProcessReading> readings, int cores)
        {
            var used = _cpu.Advance(readings);
            var interval = _previousAt is { } previous ? now - previous : TimeSpan.Zero;
            _previousAt = now;
            double? percent = used is { } cpu && interval > TimeSpan.Zero ? 100.0 * cpu / interval : null;
            Samples.Add(new ResourceSample(
                source,
                now,
                interval,
                readings.Count,
                used ?? TimeSpan.Zero,
                percent,
                percent / cores,
                readings.Sum(r => r.RssBytes),
                readings.Sum(r => r.PssBytes),
                readings.Sum(r => r.Threads),
                readings.Sum(r => r.OpenFiles)));
        }
    }
}
