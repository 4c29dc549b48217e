using System.CommandLine;
using Bench.Harness.Agents.Remote;
using Bench.Harness.Gate;
using Bench.Harness.Orchestration;
using Bench.Harness.Orchestration.Compare;
using Bench.Harness.Reporting;
using Bench.Harness.Results;
using Bench.Harness.Sampling;
using Bench.Harness.Supervision;
using Bench.Harness.Verification;
using Bench.Harness.Workloads;
using Spectre.Console;

namespace Bench.Harness.Cli;

/// <summary><c>bench compare</c>: every backend through every workload of a profile; results.json written as it goes.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile") { Description = "Profile from workloads/profiles/ (quick, standard, full, ci)", DefaultValueFactory = _ => WorkloadCatalog.DefaultProfile };
        var backends = new Option<string>("--backends") { Description = "Comma-separated backends (default: all in workloads/backends.yaml)", DefaultValueFactory = _ => string.Empty };
        var workloads = new Option<string>("--workloads") { Description = "Comma-separated subset of the profile's workloads", DefaultValueFactory = _ => string.Empty };
        var output = new Option<string?>("--out") { Description = "Results folder (default: results/<UTC timestamp>-<profile>)" };
        var cpus = new Option<string>("--cpus") { Description = "CPU placement: auto (backend on the last CPU, generator and broker on the others), none, or BACKEND/GENERATOR taskset lists such as 1/0", DefaultValueFactory = _ => "auto" };
        var noReport = new Option<bool>("--no-report") { Description = "Do not write the report (report.md, report.html, charts/) at the end" };
        var noKernelTable = new Option<bool>("--no-kernel-table") { Description = "Skip the kernel table (the analyze-kernel microbenchmarks, about 3.5 minutes) that the standard and full profiles run after the cells" };
        var kernelTable = new Option<bool>("--kernel-table") { Description = "Run the kernel table after the cells even when the profile does not ask for it (quick, ci)" };
        var baseline = new Option<string?>("--baseline") { Description = "Regression gate: compare with this baseline (results/baselines/<profile>.json); exit 1 on a significant regression" };
        var scales = new Option<string>("--scales") { Description = "Comma-separated subset of the profile's device scales, for example 100000", DefaultValueFactory = _ => string.Empty };
        var trials = new Option<int?>("--trials") { Description = "Trials per cell instead of the profile's count (fewer than 3: the report calls no winners)" };
        var agents = new Option<string?>("--agents") { Description = "Load from agents already listening on other hosts ('bench agent --listen'), host:port,…; needs --listen-host" };
        var agentToken = new Option<string?>(RemoteRunParser.TokenOption) { Description = $"With --agents: the agents' shared token (default: ${AgentToken.EnvironmentVariable})" };
        var listenHost = new Option<string>("--listen-host") { Description = "Address of this host the backends and brokers listen on; with --agents, one the agents can reach", DefaultValueFactory = _ => LoadAgents.Loopback };
        var maxRegression = new Option<string>("--max-regression") { Description = "Regression gate: smallest relevant change, for example 10%", DefaultValueFactory = _ => "10%" };
        var command = new Command("compare", "Run every backend through every workload of a profile and write the results") { profile, backends, workloads, scales, trials, output, cpus, agents, agentToken, listenHost, baseline, maxRegression, noReport, noKernelTable, kernelTable };
        command.SetAction((parse, ct) => RunAsync(
            new CompareRequest(parse.GetValue(profile)!, Split(parse.GetValue(backends)!), Split(parse.GetValue(workloads)!), parse.GetValue(output), parse.GetValue(cpus)!, parse.GetValue(baseline), parse.GetValue(maxRegression)!) with { NoReport = parse.GetValue(noReport), KernelTable = KernelTableChoice(parse.GetValue(kernelTable), parse.GetValue(noKernelTable)), Scales = Split(parse.GetValue(scales)!), Trials = parse.GetValue(trials), Agents = parse.GetValue(agents), AgentToken = parse.GetValue(agentToken), ListenHost = parse.GetValue(listenHost)! },
            Environment.CommandLine, ct));
        return command;
    }

    private static bool? KernelTableChoice(bool on, bool off) => (on, off) switch
    {
        (true, true) => throw new InvalidInputException(["--kernel-table and --no-kernel-table: give at most one of them"]),
        (false, false) => null,
        _ => on,
    };

    private static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static async Task<int> RunAsync(CompareRequest request, string commandLine, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Locate();
        var (profile, backends, cpus, loadAgents) = Validate(root, request);
        var gate = CompareGate.Prepare(request.Baseline, request.MaxRegression, profile.Name);
        var vectors = ContractVectors.Load(root);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var signals = ChildProcessRegistry.CancelOnTermination(cancellation);
        var console = AnsiConsole.Console;
        console.MarkupLineInterpolated($"[bold]compare[/] profile [bold]{profile.Name}[/]: {profile.Description}");
        console.MarkupLineInterpolated($"backends: {string.Join(", ", backends.Select(b => b.Name))} · {cpus.Describe()} · estimate {DurationText.Format(RunEstimate.For(profile, backends))}");
        if (loadAgents.Remote)
        {
            console.MarkupLineInterpolated($"load: {loadAgents.Describe()} (this host's generator figures cover the controller only; each agent reports its own saturation)");
        }
        foreach (var (workload, cannot) in CellPlan.NotApplicable(profile, backends))
        {
            console.MarkupLineInterpolated($"[grey]{workload.Name}: not run on {string.Join(", ", cannot.Select(b => b.Name))} (needs the '{workload.RequiredFeature}' feature in workloads/backends.yaml)[/]");
        }

        var startedAt = DateTimeOffset.UtcNow;
        var directory = request.Out is { } dir ? Path.GetFullPath(dir) : ResultsWriter.DefaultDirectory(root, profile.Name, startedAt);
        var environment = await EnvironmentCollector.CollectAsync(root, commandLine, cancellation.Token).ConfigureAwait(false);
        var writer = ResultsWriter.Create(directory, profile.Name, startedAt, environment, Settings(profile, backends, cpus, loadAgents));
        console.MarkupLineInterpolated($"results: {directory}");
        CompareOutcome outcome;
        try
        {
            outcome = await new CompareRunner(root, profile, backends, vectors, cpus, loadAgents).RunAsync(writer, new CompareLines(console), cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            writer.MarkInterrupted("interrupted (Ctrl-C or SIGTERM)");
            outcome = CompareOutcome.Interrupted;
        }
        finally
        {
            await ChildProcessRegistry.StopAllAsync(RunningBackend.StopGrace).ConfigureAwait(false);
        }

        if (outcome != CompareOutcome.Interrupted && profile.KernelTable)
        {
            await RunKernelTableAsync(root, directory, cpus, console, cancellation.Token).ConfigureAwait(false);
        }

        CompareSummaryTable.Print(writer.Document, directory, console);
        if (!request.NoReport && writer.Document.Cells.Count > 0)
        {
            await ReportCommand.RunAsync(directory, console, CancellationToken.None).ConfigureAwait(false);
        }

        var exitCode = outcome switch
        {
            CompareOutcome.AllOk => ExitCodes.Ok,
            CompareOutcome.Interrupted => Report(console, "interrupted: results.json holds every completed cell and is marked partial", ExitCodes.RunError),
            _ => Report(console, "some cells failed, crashed, were skipped or saturated the generator: see the table", ExitCodes.RunError),
        };
        return gate?.Conclude(writer.Document, directory, exitCode, Console.Out) ?? exitCode;
    }

    /// <summary>The kernel phase; its failure is written beside the results for the report and never changes the exit code.</summary>
    private static async Task RunKernelTableAsync(string root, string directory, CpuPlacement cpus, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var phase = new KernelTablePhase(root, directory, cpus.Backend);
        console.MarkupLineInterpolated($"kernel table: analyze-kernel microbenchmarks (BenchmarkDotNet ShortRun, about 3.5 min; log micro/{KernelTablePhase.LogFileName})");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var reading = await phase.RunAsync(line => console.MarkupLineInterpolated($"[dim]{line}[/]"), cancellationToken).ConfigureAwait(false);
        var took = DurationText.Format(TimeSpan.FromSeconds(Math.Round(started.Elapsed.TotalSeconds)));
        if (reading.Problem is { } problem)
        {
            console.MarkupLineInterpolated($"[yellow]kernel table: failed: {problem}[/] ({took})");
        }
        else
        {
            console.MarkupLineInterpolated($"kernel table: done in {took}");
        }
    }

    private static int Report(IAnsiConsole console, string message, int code)
    {
        console.MarkupLineInterpolated($"[yellow]{message}[/]");
        return code;
    }

    /// <summary>Every input is checked before anything starts: profile and workload files, backend names, the CPU list.</summary>
    private static (ProfileSpec, IReadOnlyList<BackendSpec>, CpuPlacement, LoadAgents) Validate(string root, CompareRequest request)
    {
        var errors = new List<string>();
        BackendCatalog? catalog = null;
        try
        {
            catalog = BackendCatalog.Load(root);
        }
        catch (InvalidInputException ex)
        {
            errors.AddRange(ex.Errors);
        }

        ProfileSpec? profile = null;
        try
        {
            profile = WorkloadCatalog.Load(root, Math.Max(1, catalog?.Backends.Count ?? 1), catalog?.Backends).Profile(request.Profile);
        }
        catch (InvalidInputException ex)
        {
            errors.AddRange(ex.Errors);
        }

        // --backends wins; else the profile's own list (quick runs the three plain contenders); else every backend.
        IReadOnlyList<BackendSpec> backends = [];
        try
        {
            backends = catalog?.Select(request.Backends.Length > 0 ? request.Backends : profile?.Backends ?? []) ?? [];
        }
        catch (InvalidInputException ex)
        {
            errors.AddRange(ex.Errors.Select(e => request.Backends.Length > 0 ? e : $"{profile?.SourceFile}: backends: {e}"));
        }

        if (profile is not null && request.Workloads.Length > 0)
        {
            var unknown = request.Workloads.Where(w => profile.Workloads.All(p => p.Name != w)).ToList();
            errors.AddRange(unknown.Select(w => $"--workloads: '{w}' is not in profile '{profile.Name}' (it has {string.Join(", ", profile.Workloads.Select(p => p.Name))})"));
            profile = profile with { Workloads = profile.Workloads.Where(w => request.Workloads.Contains(w.Name)).ToList() };
        }

        if (profile is not null)
        {
            profile = Narrowed(profile, request, errors);
        }

        backends = WithVariants(profile, backends, catalog, request.Backends.Length > 0, ref profile);

        if (profile is not null && request.KernelTable is { } kernelTable)
        {
            profile = profile with { KernelTable = kernelTable };
        }

        var cpus = CpuPlacement.Parse(request.Cpus, MachineCpus.Online, errors);
        var loadAgents = Agents(request, Environment.GetEnvironmentVariable(AgentToken.EnvironmentVariable), errors);
        return errors.Count > 0 ? throw new InvalidInputException(errors) : (profile!, backends, cpus, loadAgents);
    }

    /// <summary>
    /// --listen-host must be an address of this host (backends bind to it); --agents lists the remote agents and needs
    /// the shared token. Without --agents the load comes from local agent children, whatever the listen host.
    /// </summary>
    internal static LoadAgents Agents(CompareRequest request, string? tokenFromEnvironment, List<string> errors)
    {
        var host = request.ListenHost.Trim();
        if (!System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            errors.Add($"--listen-host '{request.ListenHost}' is not an IP address (backends and mosquitto bind to it)");
        }
        else if (!System.Net.IPAddress.IsLoopback(address) && LocalAddresses() is var local && !local.Contains(address))
        {
            errors.Add($"--listen-host {address} is not an address of this host (it has {string.Join(", ", local)})");
        }

        if (request.Agents is null)
        {
            return LoadAgents.Local with { ListenHost = host };
        }

        var endpoints = AgentEndpoint.ParseList(request.Agents, "--agents", errors);
        var token = AgentToken.Resolve(request.AgentToken, tokenFromEnvironment, RemoteRunParser.TokenOption, errors);
        return new LoadAgents(host, endpoints, token);
    }

    private static HashSet<System.Net.IPAddress> LocalAddresses() =>
        [.. System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address)];

    /// <summary>--scales keeps some of the profile's scales (in the profile's order); --trials replaces its trial count.</summary>
    internal static ProfileSpec Narrowed(ProfileSpec profile, CompareRequest request, List<string> errors)
    {
        if (request.Scales.Length > 0)
        {
            var chosen = new List<int>();
            foreach (var text in request.Scales)
            {
                if (!int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var scale))
                {
                    errors.Add($"--scales: '{text}' is not a whole number of devices");
                }
                else if (!profile.Scales.Contains(scale))
                {
                    errors.Add($"--scales: {scale} is not a scale of profile '{profile.Name}' (it has {string.Join(", ", profile.Scales)})");
                }
                else
                {
                    chosen.Add(scale);
                }
            }

            if (chosen.Count > 0)
            {
                profile = profile with { Scales = [.. profile.Scales.Where(chosen.Contains)] };
            }
        }

        if (request.Trials is { } trials)
        {
            if (trials is < 1 or > 100)
            {
                errors.Add($"--trials: {trials} is not between 1 and 100");
            }
            else
            {
                profile = profile with { Trials = trials };
            }
        }

        return profile;
    }

    /// <summary>
    /// The profile's variants join the lineup for the workloads still selected; --backends replaces the whole lineup,
    /// variants included (every named backend then runs every workload it can).
    /// </summary>
    private static IReadOnlyList<BackendSpec> WithVariants(
        ProfileSpec? profile, IReadOnlyList<BackendSpec> backends, BackendCatalog? catalog, bool explicitBackends, ref ProfileSpec? updated)
    {
        if (profile is null || catalog is null || profile.Variants.Count == 0)
        {
            return backends;
        }

        if (explicitBackends)
        {
            updated = profile with { Variants = new Dictionary<string, IReadOnlyList<string>>() };
            return backends;
        }

        var variants = profile.Variants.Where(v => profile.Workloads.Any(w => w.Name == v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        updated = profile with { Variants = variants };
        var names = variants.Values.SelectMany(v => v).Distinct().Where(n => backends.All(b => b.Name != n)).ToList();
        // Select() with no names means every backend, so only ask when there is something to add.
        return names.Count == 0 ? backends : [.. backends.Concat(catalog.Select(names))];
    }

    private static Dictionary<string, string> Settings(ProfileSpec profile, IReadOnlyList<BackendSpec> backends, CpuPlacement cpus, LoadAgents agents) => new(StringComparer.Ordinal)
    {
        ["agents"] = agents.Describe(),
        ["listenHost"] = agents.ListenHost,
        ["profile"] = profile.Name,
        ["backends"] = string.Join(",", backends.Select(b => b.Name)),
        ["workers"] = string.Join(",", backends.Select(b => $"{b.Name}={b.Workers}")),
        ["workloads"] = string.Join(",", profile.Workloads.Select(w => w.Name)),
        ["variants"] = string.Join("; ", profile.Variants.Select(v => $"{v.Key}: {string.Join(",", v.Value)}")),
        ["scales"] = string.Join(",", profile.Scales),
        ["trials"] = profile.Trials.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["warmup"] = profile.Durations.Warmup.ToString(),
        ["measure"] = profile.Durations.Measure.ToString(),
        ["slo.p99Ms"] = profile.Slo.P99.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["slo.maxErrorPercent"] = profile.Slo.MaxErrorPercent.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["cpu.backend"] = cpus.Backend ?? "any",
        ["cpu.generator"] = cpus.Generator ?? "any",
        ["cpu.broker"] = cpus.Generator ?? "any",
        ["order"] = "trials outermost, backends interleaved innermost",
    };
}

/// <summary>compare's options as given.</summary>
internal sealed record CompareRequest(string Profile, string[] Backends, string[] Workloads, string? Out, string Cpus, string? Baseline = null, string MaxRegression = "10%", bool NoReport = false)
{
    /// <summary>--kernel-table (true) or --no-kernel-table (false) over the profile's kernelTable; null when neither is given.</summary>
    public bool? KernelTable { get; init; }

    /// <summary>--scales: the profile's scales to keep; empty keeps them all.</summary>
    public string[] Scales { get; init; } = [];

    /// <summary>--trials: trials per cell instead of the profile's; null keeps the profile's.</summary>
    public int? Trials { get; init; }

    /// <summary>--agents: remote agents, host:port,…; null for local agent children.</summary>
    public string? Agents { get; init; }

    /// <summary>--agent-token; null falls back to the environment variable.</summary>
    public string? AgentToken { get; init; }

    /// <summary>--listen-host: the address backends and brokers listen on.</summary>
    public string ListenHost { get; init; } = LoadAgents.Loopback;
}
