using System.Text;

namespace Bench.Backend;

/// <summary>
/// What the process was asked to do, from the command line and <c>BENCH_*</c> environment variables
/// (contract §1: an option wins over the environment).
/// </summary>
/// <param name="Host">Address to listen on.</param>
/// <param name="Port">Port to listen on; 0 picks a free one.</param>
/// <param name="Workers">1: one process; more: a supervisor of that many worker processes sharing the port.</param>
/// <param name="Brokers">
/// The MQTT brokers to subscribe to, in the order given (<c>--broker url1,url2</c>); empty means no MQTT. A large
/// fleet is spread over several brokers because one mosquitto process holds only so many connections.
/// </param>
internal sealed record BackendOptions(string Host, int Port, int Workers, IReadOnlyList<Uri> Brokers)
{
    public const string BackendName = "dotnet";

    /// <summary>The variant's name when it runs several worker processes (<c>--workers N</c>, N &gt; 1).</summary>
    public const string MultiProcessName = "dotnet-multi";

    private static readonly string[] OptionNames = ["host", "port", "workers", "broker"];

    public static BackendOptions Default { get; } = new("127.0.0.1", 8080, 1, []);

    /// <summary>The name in the ready line and <c>/health</c>: which variant is running.</summary>
    public string Name => Workers > 1 ? MultiProcessName : BackendName;

    /// <summary>The brokers as one <c>--broker</c> value (the supervisor passes it to each worker); empty for none.</summary>
    public string BrokerArgument => string.Join(',', Brokers.Select(broker => broker.OriginalString));

    /// <summary>Equal when every option is, the brokers compared in order (a record would compare the list by reference).</summary>
    public bool Equals(BackendOptions? other) =>
        other is not null
        && Host == other.Host
        && Port == other.Port
        && Workers == other.Workers
        && Brokers.SequenceEqual(other.Brokers);

    public override int GetHashCode() => HashCode.Combine(Host, Port, Workers, Brokers.Count);

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
        var brokers = values.TryGetValue("broker", out var b) ? ParseBrokers(b) : [];
        return new BackendOptions(host, port, workers, brokers);
    }

    private static int ParseInt(string name, string text, int min, int max) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && value >= min && value <= max
            ? value
            : throw new FormatException($"--{name} must be an integer from {min} to {max}, got '{text}'");

    /// <summary>One broker URL, or several separated by commas; every entry must be a distinct mqtt://host:port.</summary>
    private static Uri[] ParseBrokers(string text)
    {
        // An empty value means "no MQTT": the harness passes --broker "" when a workload has no MQTT traffic.
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var entries = text.Split(',');
        var brokers = new Uri[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            var where = entries.Length > 1 ? $" (entry {i + 1} of '{text}')" : "";
            if (entry.Length == 0)
                throw new FormatException($"--broker has an empty entry{where}; separate mqtt://host:port URLs with single commas");
            if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || uri.Scheme != "mqtt" || uri.Port <= 0)
                throw new FormatException($"--broker must look like mqtt://host:port, got '{entry}'{where}");
            if (Array.Find(brokers, earlier => earlier is not null && SameBroker(earlier, uri)) is { } duplicate)
                throw new FormatException($"--broker lists the same broker twice: '{duplicate.OriginalString}' and '{entry}'{where}");
            brokers[i] = uri;
        }
        return brokers;
    }

    private static bool SameBroker(Uri a, Uri b) =>
        a.Port == b.Port && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Host = {Host}, Port = {Port}, Workers = {Workers}, Brokers = [{BrokerArgument}]");
        return true;
    }
}
