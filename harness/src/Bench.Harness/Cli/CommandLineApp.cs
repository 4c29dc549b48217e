using System.CommandLine;
using Bench.Harness.Orchestration;
using Spectre.Console;

namespace Bench.Harness.Cli;

/// <summary>Composes the verbs. Each verb lives in its own file and owns its options.</summary>
internal static class CommandLineApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            // Logs and CI: Spectre would assume 80 columns and fold every table; a log line may be long.
            AnsiConsole.Profile.Width = 200;
        }

        var root = new RootCommand("Bench: the same IoT backend in Node.js, Python and .NET, measured honestly.");
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(AgentCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(BaselineCommand.Create());

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            Console.Error.WriteLine("Run 'bench --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            // Without these, System.CommandLine's own handlers catch InvalidInputException and exit 1 ("threshold failed"),
            // and exit 130 two seconds after Ctrl-C, before the children are stopped and the results written;
            // the verbs handle SIGINT/SIGTERM themselves (ChildProcessRegistry.CancelOnTermination).
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }).ConfigureAwait(false);
        }
        catch (InvalidInputException ex)
        {
            foreach (var error in ex.Errors)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {error}");
            }

            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Anything unforeseen is a run error with its message, never a crash dump or a misleading exit 1.
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.GetType().Name}: {ex.Message}");
            Console.Error.WriteLine(ex);
            return ExitCodes.RunError;
        }
    }
}
