using Bench.Python.Analyze;

namespace Bench.Python.Tests.Support;

/// <summary>A fact that is skipped, with the reason, where libpython3.11 or NumPy is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (EmbeddedPython.Problem is { } problem)
            Skip = problem;
    }
}

/// <summary>The embedded interpreter and NumPy kernel shared by every test (the interpreter starts once per process).</summary>
internal static class EmbeddedPython
{
    private static readonly Lazy<string?> LazyProblem = new(Probe);

    /// <summary>Why the embedded interpreter cannot run here, or null when it can.</summary>
    public static string? Problem => LazyProblem.Value;

    public static PythonRuntime Runtime => PythonRuntime.Initialize();

    public static NumPyAnalyzer Analyzer => NumPyAnalyzer.Create(Runtime);

    private static string? Probe()
    {
        try
        {
            _ = Analyzer;
            return null;
        }
        catch (PythonUnavailableException e)
        {
            return $"needs Debian's libpython3.11 and python3-numpy: {e.Message}";
        }
    }
}
