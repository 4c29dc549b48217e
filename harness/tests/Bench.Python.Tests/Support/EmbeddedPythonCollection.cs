namespace Bench.Python.Tests.Support;

/// <summary>
/// Tests of the embedded interpreter run one at a time: the memory test measures the whole process, and the
/// concurrency test wants the GIL to itself.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EmbeddedPythonCollection
{
    public const string Name = "Embedded Python";
}
