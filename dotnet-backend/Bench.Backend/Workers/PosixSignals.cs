using System.Runtime.InteropServices;

namespace Bench.Backend.Workers;

/// <summary>Signals sent by PID: <see cref="System.Diagnostics.Process.Kill()"/> only sends SIGKILL, a graceful stop needs SIGTERM.</summary>
internal static partial class PosixSignals
{
    public const int SigTerm = 15;

    /// <summary>Sends <paramref name="signal"/> to one process; false when it no longer exists.</summary>
    public static bool Send(int pid, int signal) => pid > 0 && NativeKill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int signal);
}
