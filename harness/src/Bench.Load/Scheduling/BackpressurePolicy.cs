namespace Bench.Load.Scheduling;

/// <summary>What an open-model scheduler does with a send that is due while the concurrency bound is reached.</summary>
public enum BackpressurePolicy
{
    /// <summary>Hold it until a slot frees (wrk2 style); it is counted late, and its latency includes the wait.</summary>
    Queue,

    /// <summary>Skip it and count it dropped (k6 <c>dropped_iterations</c>); it is never sent.</summary>
    Drop,
}
