using Bench.Python;

namespace Bench.Backend.Tests.Support;

/// <summary>A fact skipped, with the reason, where libpython3.11 or NumPy is not installed (the dotnet-py variant needs both).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class NumPyFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Problem = new(() =>
    {
        try
        {
            Bench.Python.Analyze.NumPyAnalyzer.Create(PythonRuntime.Initialize());
            return null;
        }
        catch (PythonUnavailableException e)
        {
            return $"needs Debian's libpython3.11 and python3-numpy: {e.Message}";
        }
    });

    public NumPyFactAttribute()
    {
        if (Problem.Value is { } problem)
            Skip = problem;
    }
}
