using Bench.Harness.Results;
using Bench.Harness.Verification;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>What a compare run tells its display: the verify gate, then each cell's start, live figures and end.</summary>
internal interface ICompareObserver
{
    void Verifying(string backend);

    void Verified(BackendVerification result);

    void Planned(int cells);

    void CellStarted(CellPlan cell);

    void CellProgress(CellProgress progress);

    void CellFinished(CellPlan cell, CellResult result);
}
