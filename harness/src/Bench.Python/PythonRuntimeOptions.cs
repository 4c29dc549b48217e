namespace Bench.Python;

/// <summary>Where the embedded interpreter comes from and where it looks for modules.</summary>
/// <param name="LibraryCandidates">libpython file names or paths, tried in order with <c>dlopen</c>.</param>
/// <param name="ProgramName">
/// The interpreter the embedded one stands for. CPython derives its prefix (standard library, site-packages)
/// from this path, so it must name the Python whose packages are wanted, not whichever is first on PATH.
/// </param>
/// <param name="ModuleSearchPaths">Directories put in front of <c>sys.path</c>.</param>
public sealed record PythonRuntimeOptions(
    IReadOnlyList<string> LibraryCandidates, string ProgramName, IReadOnlyList<string> ModuleSearchPaths)
{
    /// <summary>Debian's Python 3.11 (package <c>libpython3.11</c>) and the modules copied beside this assembly.</summary>
    /// <remarks><c>BENCH_LIBPYTHON</c> and <c>BENCH_PYTHON</c> override the library and the interpreter path.</remarks>
    public static PythonRuntimeOptions Default { get; } = new(
        Environment.GetEnvironmentVariable("BENCH_LIBPYTHON") is { Length: > 0 } library
            ? [library]
            : ["libpython3.11.so.1.0", "libpython3.11.so"],
        Environment.GetEnvironmentVariable("BENCH_PYTHON") is { Length: > 0 } program ? program : "/usr/bin/python3",
        [Path.Combine(AppContext.BaseDirectory, "python")]);
}
