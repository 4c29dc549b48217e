// A deterministic child for supervision tests. The first argument picks a behaviour; every behaviour ends by
// itself within two minutes, so a test that fails to clean up still leaves nothing running for long.
using System.Diagnostics;
using System.Runtime.InteropServices;

var mode = args.Length > 0 ? args[0] : "ready";
var port = args.Length > 1 ? args[1] : "1";
using var lifetime = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var terminated = new TaskCompletionSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    if (mode != "ignore-sigterm")
    {
        terminated.TrySetResult();
    }
});

byte[]? held = null; // memory an "allocate" or "tree" worker keeps resident until it exits

void Ready(string extra = "") => Console.WriteLine($"BENCH-READY backend=testworker port={port} pid={Environment.ProcessId}{extra}");

switch (mode)
{
    case "crash":
        Console.WriteLine("starting up");
        Console.Error.WriteLine("fatal: simulated start-up failure");
        return 42;
    case "never-ready":
        Console.WriteLine("starting up, slowly");
        await Task.Delay(Timeout.Infinite, lifetime.Token).ContinueWith(_ => { });
        return 1;
    case "spawn-child":
        // A worker that outlives its parent unless its process group is cleaned up.
        // ProcessPath is the dotnet host: the worker must be told which assembly to run, or it is `dotnet sleep`.
        var worker = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [typeof(Program).Assembly.Location, "sleep"]) { UseShellExecute = false })!;
        Console.WriteLine($"worker pid={worker.Id}");
        Ready();
        break;
    case "allocate":
        // Resident memory for sampling tests: every page is written, so it counts in RSS and PSS.
        held = Allocate(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
        Console.WriteLine($"allocated pid={Environment.ProcessId}");
        break;
    case "tree":
        // A parent with two workers, like a Node cluster or uvicorn --workers 2; ready once both hold their memory.
        held = Allocate(16);
        var workers = Enumerable.Range(0, 2)
            .Select(_ => Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [.. SelfArguments(), "allocate", "48"])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
            })!)
            .ToList();
        foreach (var child in workers)
        {
            Console.WriteLine($"worker {await child.StandardOutput.ReadLineAsync(lifetime.Token)}");
        }

        Ready();
        break;
    case "busy":
        // One thread spinning: about 100% of one core until SIGTERM.
        var spinner = new Thread(() =>
        {
            var x = 0UL;
            while (!terminated.Task.IsCompleted && !lifetime.IsCancellationRequested)
            {
                x = x * 6364136223846793005UL + 1;
            }

            GC.KeepAlive(x);
        }) { IsBackground = true };
        spinner.Start();
        Ready();
        break;
    case "sleep":
        await Task.Delay(Timeout.Infinite, lifetime.Token).ContinueWith(_ => { });
        return 0;
    default:
        Ready();
        break;
}

for (var i = 0; i < 3; i++)
{
    Console.WriteLine($"line {i}");
}

await Task.WhenAny(terminated.Task, Task.Delay(Timeout.Infinite, lifetime.Token).ContinueWith(_ => { }));
Console.WriteLine("stopping");
GC.KeepAlive(held);
return terminated.Task.IsCompleted ? 0 : 1;

static byte[] Allocate(int megabytes)
{
    var block = GC.AllocateUninitializedArray<byte>(megabytes << 20, pinned: true);
    for (var i = 0; i < block.Length; i += 4096)
    {
        block[i] = 1;
    }

    return block;
}

// Under `dotnet Bench.TestWorker.dll` the process path is the dotnet host, which needs the assembly path first.
static string[] SelfArguments() =>
    Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [typeof(Program).Assembly.Location] : [];
