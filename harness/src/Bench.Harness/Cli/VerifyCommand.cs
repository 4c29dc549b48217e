using System.CommandLine;
using Bench.Harness.Orchestration;
using Bench.Harness.Reporting;
using Bench.Harness.Supervision;
using Bench.Harness.Verification;
using Spectre.Console;

namespace Bench.Harness.Cli;

/// <summary><c>bench verify [--backends a,b]</c>: every contract check against every selected backend; exit 0 only if all pass.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var backends = new Option<string>("--backends")
        {
            Description = "Comma-separated backends to verify (default: every backend in workloads/backends.yaml)",
            DefaultValueFactory = _ => string.Empty,
        };
        var command = new Command("verify", "Check every backend against the contract before it may be measured") { backends };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(backends)!.Split(','), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Locate();
        var selected = BackendCatalog.Load(root).Select(names);
        var vectors = ContractVectors.Load(root);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var signals = ChildProcessRegistry.CancelOnTermination(cancellation);
        var results = new List<BackendVerification>();
        try
        {
            await using var broker = await MosquittoBroker.StartAsync(cpuList: null, cancellation.Token).ConfigureAwait(false);
            AnsiConsole.MarkupLineInterpolated($"[grey]mosquitto (pid {broker.Process.Pid}) on {broker.Url}[/]");
            var verifier = new BackendVerifier(root, vectors, broker.Url);
            var progress = new Progress<string>(line => AnsiConsole.MarkupLineInterpolated($"[grey]{line}[/]"));
            foreach (var spec in selected)
            {
                results.Add(await verifier.VerifyAsync(spec, progress, cancellation.Token).ConfigureAwait(false));
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine("[yellow]verify interrupted: stopping every child[/]");
        }
        finally
        {
            await ChildProcessRegistry.StopAllAsync(RunningBackend.StopGrace).ConfigureAwait(false);
        }

        VerifyTable.Print(results, AnsiConsole.Console);
        if (cancellation.IsCancellationRequested)
        {
            return ExitCodes.RunError;
        }

        return results.Count == selected.Count && results.All(r => r.Passed) ? ExitCodes.Ok : ExitCodes.RunError;
    }
}
