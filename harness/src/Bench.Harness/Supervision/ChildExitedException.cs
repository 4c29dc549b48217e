namespace Bench.Harness.Supervision;

/// <summary>A child ended while the harness was waiting for it; carries its exit code and last output lines.</summary>
internal sealed class ChildExitedException(string name, int exitCode, IReadOnlyList<string> lastLines)
    : Exception($"{name} exited with code {exitCode} before it was ready")
{
    public int ExitCode { get; } = exitCode;

    public IReadOnlyList<string> LastLines { get; } = lastLines;
}
