using System.Globalization;
using Bench.Load.Engine;
using Bench.LoadProbe;

// A thin console front for the load engine, used by bench/scripts to compare it with wrk and to measure memory per
// device. Prints one JSON line: the result's headline figures (and memory figures with --memory true).
var options = ProbeOptions.Parse(args);
long baselineRss = ProcessMemory.ResidentBytes();
long baselineManaged = GC.GetTotalMemory(forceFullCollection: true);
var memory = new MemoryWatch(options.Memory);
var result = await LoadEngine.RunAsync(options.Spec, memory, CancellationToken.None);

var summary = new Dictionary<string, object?>
{
    ["model"] = options.Spec.GetType().Name,
    ["protocol"] = options.Spec.Protocol.ToString(),
    ["devices"] = options.Spec.DeviceCount,
    ["connected"] = result.Connections.Opened,
    ["sent"] = result.Sent,
    ["acked"] = result.Acked,
    ["errors"] = result.TotalErrors,
    ["late"] = result.Late,
    ["dropped"] = result.Dropped,
    ["seconds"] = result.MeasuredDuration.TotalSeconds,
    ["reqPerSec"] = Math.Round(result.AckRate, 1),
    ["p50us"] = result.Latency.ValueAtPercentile(50),
    ["p99us"] = result.Latency.ValueAtPercentile(99),
    ["serviceP99us"] = result.ServiceTime.ValueAtPercentile(99),
    ["generatorCpuMedian"] = result.GeneratorCpu.Count > 0 ? result.GeneratorCpu.Order().ElementAt(result.GeneratorCpu.Count / 2) : 0,
    ["saturated"] = result.Saturation.IsSaturated,
    ["saturationReason"] = result.Saturation.Reason,
};
if (options.Memory)
{
    int devices = Math.Max(1, (int)result.Connections.Opened);
    summary["rssBaselineBytes"] = baselineRss;
    summary["rssPeakBytes"] = memory.PeakRss;
    summary["rssPerDeviceBytes"] = (memory.PeakRss - baselineRss) / devices;
    summary["managedPerDeviceBytes"] = (memory.Managed - baselineManaged) / devices;
}

Console.WriteLine(LoadJson.Serialize(summary));
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"errors by kind: {string.Join(", ", result.Errors.Where(e => e.Value > 0).Select(e => $"{e.Key}={e.Value}"))}"));
