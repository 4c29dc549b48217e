namespace Bench.Harness.Verification;

/// <summary>One group of contract checks run against a live backend.</summary>
internal interface IContractCheckGroup
{
    string Group { get; }

    Task<IReadOnlyList<CheckResult>> RunAsync(VerifyContext context, CancellationToken cancellationToken);
}
