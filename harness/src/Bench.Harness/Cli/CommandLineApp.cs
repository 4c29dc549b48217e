using System.CommandLine;
using Bench.Harness.Orchestration;
using Spectre.Console;

namespace Bench.Harness.Cli;

/// <summary>Composes the verbs. Each verb lives in its own file and owns its options.</summary>
internal static class CommandLineApp
{
    public static async Task<int> RunAsync(string[] args)
    {
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
            // Without this, System.CommandLine's own handler catches InvalidInputException and exits 1 ("threshold failed").
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (InvalidInputException ex)
        {
            foreach (var error in ex.Errors)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {error}");
            }

            return ExitCodes.InvalidInput;
        }
    }
}
