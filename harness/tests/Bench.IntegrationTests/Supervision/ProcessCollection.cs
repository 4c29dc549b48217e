namespace Bench.IntegrationTests.Supervision;

/// <summary>Tests that start processes run one at a time: 2 cores, and deterministic resource use.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "processes";
}
