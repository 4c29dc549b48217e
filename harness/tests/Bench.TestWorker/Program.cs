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
        var worker = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["sleep"]) { UseShellExecute = false })!;
        Console.WriteLine($"worker pid={worker.Id}");
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
return terminated.Task.IsCompleted ? 0 : 1;
