using System.Runtime.InteropServices;

namespace Bench.Harness.Supervision;

/// <summary>Signals sent by PID. .NET's Process.Kill only sends SIGKILL; a graceful stop needs SIGTERM.</summary>
internal static partial class PosixSignals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>Sends <paramref name="signal"/> to one process; false when it no longer exists.</summary>
    public static bool Send(int pid, int signal) => pid > 0 && NativeKill(pid, signal) == 0;

    /// <summary>Sends <paramref name="signal"/> to every member of a process group.</summary>
    public static bool SendToGroup(int processGroupId, int signal) => processGroupId > 1 && NativeKill(-processGroupId, signal) == 0;

    /// <summary>True while the process group has at least one member.</summary>
    public static bool GroupExists(int processGroupId) => processGroupId > 1 && NativeKill(-processGroupId, 0) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int signal);
}
