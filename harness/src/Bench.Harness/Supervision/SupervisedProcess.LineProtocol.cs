namespace Bench.Harness.Supervision;

internal sealed partial class SupervisedProcess
{
    /// <summary>
    /// Starts a child that speaks a line protocol over its standard streams (a load agent): stdin stays open for
    /// <see cref="StandardInput"/>, and every stdout line goes to <paramref name="onStandardOutputLine"/> instead of
    /// <see cref="Output"/>, which then keeps the child's stderr only, so protocol traffic never pushes its
    /// diagnostics out of the tail used in error reports.
    /// </summary>
    public static SupervisedProcess StartWithLineProtocol(ProcessSpec spec, Action<string> onStandardOutputLine) =>
        Start(spec, null, onStandardOutputLine);

    /// <summary>The child's stdin; only usable for children started with <see cref="StartWithLineProtocol"/>.</summary>
    public StreamWriter StandardInput => _onStandardOutputLine is not null
        ? _process.StandardInput
        : throw new InvalidOperationException($"{Spec.Name} was not started with a line protocol; its stdin is closed");

    /// <summary>Completes when the child's stdout has closed and every line has been handed on; a child's last lines may arrive after <see cref="Exited"/>.</summary>
    public Task StandardOutputClosed => _standardOutputPump;
}
