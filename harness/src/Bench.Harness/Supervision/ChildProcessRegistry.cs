using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Bench.Harness.Supervision;

/// <summary>
/// Every child alive right now. On Ctrl-C, SIGTERM or process exit the harness kills them all, so nothing it started
/// outlives it, whatever path the harness takes out.
/// </summary>
internal static class ChildProcessRegistry
{
    private static readonly ConcurrentDictionary<int, SupervisedProcess> Children = new();
    private static int _hooked;

    /// <summary>After Ctrl-C or SIGTERM, children still alive this long afterwards are killed.</summary>
    public static readonly TimeSpan KillDeadline = TimeSpan.FromSeconds(4);

    public static void Add(SupervisedProcess child)
    {
        Children[child.Pid] = child;
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        }
    }

    public static void Remove(SupervisedProcess child) => Children.TryRemove(child.Pid, out _);

    public static int Count => Children.Count;

    /// <summary>SIGKILL to every live child's process group: the last resort when the harness itself is going away.</summary>
    public static void KillAll()
    {
        foreach (var child in Children.Values)
        {
            child.Kill();
        }
    }

    /// <summary>Graceful stop of every live child in parallel, each bounded by <paramref name="grace"/>.</summary>
    public static Task StopAllAsync(TimeSpan grace) => Task.WhenAll(Children.Values.Select(c => c.StopAsync(grace)));

    /// <summary>Keeps the registrations alive for the life of the process: SIGTERM and SIGINT cancel the run instead of killing the harness.</summary>
    public static IDisposable CancelOnTermination(CancellationTokenSource cancellation)
    {
        void Handler(PosixSignalContext context)
        {
            context.Cancel = true;
            cancellation.Cancel();
            // The graceful path (stop messages, SIGTERM, bounded waits) usually finishes at once; whatever is still
            // alive after the deadline is killed, so every child is gone within 5 s of the signal, whatever path runs.
            _ = Task.Delay(KillDeadline).ContinueWith(_ => KillAll(), TaskScheduler.Default);
        }

        var registrations = new[]
        {
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handler),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handler),
        };
        return new CompositeDisposable(registrations);
    }

    private sealed class CompositeDisposable(IEnumerable<IDisposable> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }
}
