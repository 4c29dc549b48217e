namespace Bench.Harness.Supervision;

/// <summary>What to start: a command, its arguments, working directory and extra environment.</summary>
/// <param name="Name">Short name used in messages and logs (for example <c>node</c> or <c>mosquitto</c>).</param>
/// <param name="FileName">Executable to run.</param>
/// <param name="Arguments">Arguments, passed without shell interpretation.</param>
/// <param name="WorkingDirectory">Working directory of the child.</param>
/// <param name="Environment">Variables added to (or overriding) the harness's environment.</param>
/// <param name="CpuList">CPUs the child may run on (taskset list such as <c>1</c> or <c>0-1</c>); null leaves placement to the OS.</param>
internal sealed record ProcessSpec(
    string Name,
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    string? CpuList = null)
{
    /// <summary>The command line as a person would type it, for messages and the results manifest.</summary>
    public string CommandLine => string.Join(' ', new[] { FileName }.Concat(Arguments).Select(Quote));

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./:=,{}@+".Contains(c)) ? arg : $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
