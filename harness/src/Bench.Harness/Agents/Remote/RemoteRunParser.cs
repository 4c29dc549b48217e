using Bench.Harness.Orchestration;

namespace Bench.Harness.Agents.Remote;

/// <summary>
/// Validates <c>bench run --remote-agents</c> whole. Everything but the target is checked by <see cref="RunSpecParser"/>
/// (fed a loopback stand-in, since remote agents load a host on their network, not this machine); the target must be
/// given with --target, and the fleet is split in one share per listed agent.
/// </summary>
internal static class RemoteRunParser
{
    public const string Option = "--remote-agents";
    public const string TokenOption = "--agent-token";

    /// <summary>Returns the run, or throws <see cref="InvalidInputException"/> listing every error.</summary>
    public static RemoteRun Parse(RunOptions options, RemoteAgentOptions remote, IReadOnlyCollection<string> knownBackends, Preflight.SystemLimits limits)
    {
        var errors = new List<string>();
        var endpoints = AgentEndpoint.ParseList(remote.Endpoints, Option, errors);
        var agentToken = AgentToken.Resolve(remote.Token, remote.TokenFromEnvironment, TokenOption, errors);
        CheckExclusions(options, errors);
        var target = ParseTarget("--target", options.Target, "http", errors);
        var broker = ParseTarget("--broker", options.Broker, "mqtt", errors);
        RunSpec? run = null;
        try
        {
            run = RunSpecParser.Parse(options with { Target = StandIn(target, options.Target), Broker = StandIn(broker, options.Broker) }, knownBackends);
        }
        catch (InvalidInputException ex)
        {
            errors.AddRange(ex.Errors);
        }

        if (run is not null && endpoints.Count > run.Devices)
        {
            errors.Add($"{Option} lists {endpoints.Count} agents for {run.Devices} devices: every agent needs at least one device");
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors.Distinct().ToList());
        }

        var spec = run! with { Target = target, Broker = broker, Agents = endpoints.Count };
        var plan = FleetPlanner.Plan(spec.Demand, limits, endpoints.Count, useSourceLanes: false);
        return new RemoteRun(spec, plan, endpoints, agentToken!);
    }

    private static void CheckExclusions(RunOptions options, List<string> errors)
    {
        if (options.Backend is not null)
        {
            errors.Add($"{Option} needs --target, not --backend: a backend Bench starts listens on this machine's loopback, which remote agents cannot reach");
        }

        if (options.Agents is not null || options.InProcess)
        {
            errors.Add($"{Option} excludes --agents and --in-process: the fleet is split in one share per listed agent");
        }
    }

    /// <summary>Any host is allowed here: the agents' own --allow-targets decides what they will load.</summary>
    private static Uri? ParseTarget(string option, string? text, string scheme, List<string> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == scheme && uri.Host.Length > 0 && !(uri.IsDefaultPort && scheme == "mqtt"))
        {
            return uri;
        }

        errors.Add($"{option} '{text}' is not a {scheme}://host:port URL");
        return null;
    }

    /// <summary>The same URL on 127.0.0.1, so <see cref="RunSpecParser"/>'s loopback rule passes; a bad URL goes through unchanged (already reported).</summary>
    private static string? StandIn(Uri? parsed, string? text) =>
        parsed is null ? null : new UriBuilder(parsed) { Host = "127.0.0.1" }.Uri.ToString();
}
