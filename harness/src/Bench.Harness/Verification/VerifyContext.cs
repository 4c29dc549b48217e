using Bench.Harness.Orchestration;

namespace Bench.Harness.Verification;

/// <summary>What a check group needs: the running backend, a client for it, the vectors, and the broker (if any).</summary>
internal sealed record VerifyContext(
    RunningBackend Backend,
    ContractClient Client,
    ContractVectors Vectors,
    string? BrokerUrl)
{
    public string Name => Backend.Spec.Name;

    /// <summary>True when the variant is exempt from a check, with the reason written in backends.yaml.</summary>
    public bool IsExempt(string check, out string reason) => Backend.Spec.Exemptions.TryGetValue(check, out reason!);
}
