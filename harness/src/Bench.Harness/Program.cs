using Bench.Harness.Cli;

return await CommandLineApp.RunAsync(args).ConfigureAwait(false);
