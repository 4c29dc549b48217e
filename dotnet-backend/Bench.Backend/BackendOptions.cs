namespace Bench.Backend;

/// <summary>
/// What the process was asked to do, from the command line and <c>BENCH_*</c> environment variables
/// (contract §1: an option wins over the environment).
/// </summary>
internal sealed record BackendOptions(string Host, int Port, int Workers, Uri? BrokerUri)
{
    public const string BackendName = "dotnet";

    /// <summary>The variant's name when it runs several worker processes (<c>--workers N</c>, N &gt; 1).</summary>
    public const string MultiProcessName = "dotnet-multi";

    private static readonly string[] OptionNames = ["host", "port", "workers", "broker"];

    public static BackendOptions Default { get; } = new("127.0.0.1", 8080, 1, null);

    /// <summary>The name in the ready line and <c>/health</c>: which variant is running.</summary>
    public string Name => Workers > 1 ? MultiProcessName : BackendName;

    /// <summary>Reads the options; throws <see cref="FormatException"/> with a message naming the bad input.</summary>
    public static BackendOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in OptionNames)
        {
            if (environment("BENCH_" + name.ToUpperInvariant()) is { } value)
                values[name] = value;
        }
        ReadArguments(args, values);
        return FromValues(values);
    }

    private static void ReadArguments(IReadOnlyList<string> args, Dictionary<string, string> values)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                throw new FormatException($"unexpected argument '{arg}'");
            var name = arg[2..];
            string value;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new FormatException($"option '--{name}' needs a value");
            }
            if (Array.IndexOf(OptionNames, name) < 0)
                throw new FormatException($"unknown option '--{name}'");
            values[name] = value;
        }
    }

    private static BackendOptions FromValues(Dictionary<string, string> values)
    {
        var host = values.TryGetValue("host", out var h) && h.Length > 0 ? h : Default.Host;
        var port = values.TryGetValue("port", out var p) ? ParseInt("port", p, 0, 65535) : Default.Port;
        var workers = values.TryGetValue("workers", out var w) ? ParseInt("workers", w, 1, 1024) : Default.Workers;
        var broker = values.TryGetValue("broker", out var b) ? ParseBroker(b) : null;
        return new BackendOptions(host, port, workers, broker);
    }

    private static int ParseInt(string name, string text, int min, int max) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && value >= min && value <= max
            ? value
            : throw new FormatException($"--{name} must be an integer from {min} to {max}, got '{text}'");

    private static Uri? ParseBroker(string text)
    {
        // An empty value means "no MQTT": the harness passes --broker "" when a workload has no MQTT traffic.
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == "mqtt" && uri.Port > 0)
            return uri;
        throw new FormatException($"--broker must look like mqtt://host:port, got '{text}'");
    }
}
