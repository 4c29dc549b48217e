namespace Bench.Harness.Orchestration;

/// <summary>Bad input found before anything started: every problem at once, exit code 2.</summary>
internal sealed class InvalidInputException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
