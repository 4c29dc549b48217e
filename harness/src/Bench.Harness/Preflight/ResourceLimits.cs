using System.Runtime.InteropServices;

namespace Bench.Harness.Preflight;

/// <summary>getrlimit(2) for RLIMIT_NOFILE: the descriptor limit this process, and every child it starts, runs under.</summary>
internal static partial class ResourceLimits
{
    // RLIMIT_NOFILE is 7 on every Linux architecture .NET runs on (x64, arm64); rlim_t is 64-bit there.
    private const int RlimitNoFile = 7;

    /// <summary>The soft and hard open-file limits. CoreCLR has already raised the soft limit to the hard one at start-up.</summary>
    public static (long Soft, long Hard) OpenFiles()
    {
        if (NativeGetRlimit(RlimitNoFile, out var limit) != 0)
        {
            throw new InvalidOperationException($"getrlimit(RLIMIT_NOFILE) failed with errno {Marshal.GetLastPInvokeError()}");
        }

        return (Clamp(limit.Current), Clamp(limit.Maximum));
    }

    // RLIM_INFINITY is all ones; report it as long.MaxValue rather than a negative number.
    private static long Clamp(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;

    [StructLayout(LayoutKind.Sequential)]
    private struct Rlimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int NativeGetRlimit(int resource, out Rlimit limit);
}
