using System.Diagnostics.CodeAnalysis;
using Bench.Python;

namespace Bench.Backend.Analyze;

/// <summary>
/// Chooses the analyze kernel from <c>BENCH_ANALYZER</c>: <c>mathnet</c> (the default) or <c>numpy</c>
/// (embedded CPython, the <c>dotnet-py</c> variant in workloads/backends.yaml).
/// </summary>
internal static class AnalyzeKernelSelection
{
    public const string EnvironmentVariable = "BENCH_ANALYZER";

    /// <summary>Registers the chosen kernel; on failure says why (an unknown name, Python or NumPy missing).</summary>
    public static bool TryAddAnalyzeKernel(
        this IServiceCollection services, Func<string, string?> environment, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(environment);
        problem = null;
        IAnalyzeKernel kernel;
        try
        {
            kernel = Create(environment(EnvironmentVariable));
        }
        catch (Exception e) when (e is FormatException or PythonUnavailableException)
        {
            problem = e.Message;
            return false;
        }
        services.AddSingleton(kernel);
        return true;
    }

    private static IAnalyzeKernel Create(string? name) => name switch
    {
        null or "" or MathNetAnalyzeKernel.KernelName => new MathNetAnalyzeKernel(),
        NumPyAnalyzeKernel.KernelName => NumPyAnalyzeKernel.Start(),
        _ => throw new FormatException(
            $"{EnvironmentVariable} must be '{MathNetAnalyzeKernel.KernelName}' or '{NumPyAnalyzeKernel.KernelName}', got '{name}'"),
    };
}
