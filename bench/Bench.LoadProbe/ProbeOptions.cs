using System.Globalization;
using Bench.Load.Engine;
using Bench.Mqtt;

namespace Bench.LoadProbe;

/// <summary>The probe's command line: <c>--name value</c> pairs turned into a load spec.</summary>
internal sealed record ProbeOptions(LoadSpec Spec, bool Memory)
{
    public static ProbeOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        double Double(string name, double fallback) => double.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var protocol = Enum.Parse<LoadProtocol>(Get("protocol", "http"), ignoreCase: true);
        var target = new LoadTarget(new Uri(Get("url", "http://127.0.0.1:8080/")), Get("mqtt-host", "127.0.0.1"), Int("mqtt-port", 1883));
        var warmUp = TimeSpan.FromSeconds(Int("warmup", 2));
        var duration = TimeSpan.FromSeconds(Int("duration", 10));
        LoadSpec spec = Get("model", "closed") switch
        {
            "closed" => new ClosedLoadSpec { Protocol = protocol, Target = target, Connections = Int("connections", 64) },
            "open" => new OpenLoadSpec { Protocol = protocol, Target = target, Rate = Double("rate", 1000), Connections = Int("connections", 64) },
            "fleet" => new FleetLoadSpec
            {
                Protocol = protocol,
                Target = target,
                Devices = Int("devices", 1000),
                Interval = TimeSpan.FromMilliseconds(Int("interval-ms", 1000)),
                Connections = Int("connections", 256),
            },
            var other => throw new ArgumentException($"unknown model '{other}' (closed, open, fleet)"),
        };
        spec = spec with
        {
            WarmUp = warmUp,
            Duration = duration,
            ConnectRate = Double("connect-rate", 1000),
            MqttQos = (MqttQos)Int("qos", 0),
        };
        return new ProbeOptions(spec, Get("memory", "false") == "true");
    }
}
