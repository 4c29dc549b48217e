using Bench.Harness.Preflight;
using Bench.Harness.Results;
using Bench.Harness.Supervision;
using Bench.Harness.Verification;
using Bench.Harness.Workloads;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>
/// Runs every cell of a profile: each backend passes the full contract (verify) before its first cell, a backend
/// that fails it is recorded as failed for every cell and the run goes on with the others; every finished cell is
/// written at once, so an interrupted run keeps everything it completed.
/// </summary>
internal sealed class CompareRunner(string root, ProfileSpec profile, IReadOnlyList<BackendSpec> backends, ContractVectors vectors, CpuPlacement cpus, LoadAgents? agents = null)
{
    public async Task<CompareOutcome> RunAsync(ResultsWriter writer, ICompareObserver observer, CancellationToken cancellationToken)
    {
        var cells = CellPlan.For(profile, backends);
        var gate = await VerifyBackendsAsync(observer, cancellationToken).ConfigureAwait(false);
        var limits = SystemLimits.Read();
        var loadAgents = agents ?? LoadAgents.Local;
        var runner = new CellRunner(root, profile, vectors, cpus, loadAgents);
        observer.Planned(cells.Count);
        foreach (var cell in cells)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            observer.CellStarted(cell);
            var topology = CellTopology.For(cell, limits);
            var result = gate.TryGetValue(cell.Backend.Name, out var verifyFailure)
                ? Skipped(cell, CellStatus.Failed, verifyFailure)
                : CellPreflight.Refusal(cell, topology, limits, loadAgents.Remote ? loadAgents.Endpoints.Count : null) is { } refusal
                    ? Skipped(cell, CellStatus.Skipped, new CellFailure($"preflight: {refusal}", null, []))
                    : await runner.RunAsync(cell, topology, new InlineCellProgress(observer.CellProgress), cancellationToken).ConfigureAwait(false);
            result = result with { Workers = topology.Workers, Brokers = topology.Brokers > 0 ? topology.Brokers : null };
            if (cancellationToken.IsCancellationRequested)
            {
                break; // a cell cut short is not a result, whatever its figures say; the completed ones are kept
            }

            writer.Add(result);
            observer.CellFinished(cell, result);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            writer.MarkInterrupted("interrupted (Ctrl-C or SIGTERM) before every cell ran");
            return CompareOutcome.Interrupted;
        }

        writer.Complete(DateTimeOffset.UtcNow);
        return writer.Document.Cells.All(c => c.Status == CellStatus.Ok) ? CompareOutcome.AllOk : CompareOutcome.SomeNotOk;
    }

    /// <summary>TechEmpower's rule: nothing is measured on a backend that fails verification. Returns the failed ones and why.</summary>
    private async Task<Dictionary<string, CellFailure>> VerifyBackendsAsync(ICompareObserver observer, CancellationToken cancellationToken)
    {
        var failed = new Dictionary<string, CellFailure>(StringComparer.Ordinal);
        await using var broker = await MosquittoBroker.StartAsync(cpus.Generator, cancellationToken).ConfigureAwait(false);
        var verifier = new BackendVerifier(root, vectors, broker.Url);
        foreach (var backend in backends)
        {
            observer.Verifying(backend.Name);
            var result = await verifier.VerifyAsync(backend, null, cancellationToken).ConfigureAwait(false);
            observer.Verified(result);
            if (!result.Passed)
            {
                var first = result.Checks.First(c => c.Outcome == CheckOutcome.Fail);
                var count = result.Checks.Count(c => c.Outcome == CheckOutcome.Fail);
                failed[backend.Name] = new CellFailure($"failed verify ({count} checks), first: {first.Group}: {first.Name} — {first.Detail}", null, result.LastOutput);
            }
        }

        return failed;
    }

    private static CellResult Skipped(CellPlan cell, CellStatus status, CellFailure failure) =>
        new(cell.Backend.Name, cell.Workload.Name, cell.Scale, cell.Trial, status, DateTimeOffset.UtcNow, 0,
            new Dictionary<string, MetricValue>(), new Dictionary<string, HistogramRecord>(), [], failure);

    private sealed class InlineCellProgress(Action<CellProgress> report) : IProgress<CellProgress>
    {
        public void Report(CellProgress value) => report(value);
    }
}

/// <summary>How a compare run ended, for the exit code.</summary>
internal enum CompareOutcome
{
    AllOk,
    SomeNotOk,
    Interrupted,
}
