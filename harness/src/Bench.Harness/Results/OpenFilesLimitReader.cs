using System.Runtime.InteropServices;

namespace Bench.Harness.Results;

/// <summary>getrlimit(RLIMIT_NOFILE): with 20 000 here, it decides how many connections one process can hold.</summary>
internal static partial class OpenFilesLimitReader
{
    private const int RlimitNofile = 7; // RLIMIT_NOFILE on Linux (x86-64 and arm64)
    private const ulong Infinity = ulong.MaxValue; // RLIM_INFINITY

    public static OpenFilesLimit? Read()
    {
        if (!OperatingSystem.IsLinux() || NativeGetrlimit(RlimitNofile, out var limit) != 0)
        {
            return null;
        }

        return new OpenFilesLimit(Finite(limit.Current), Finite(limit.Maximum));
    }

    private static long? Finite(ulong value) => value == Infinity ? null : (long)value;

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceLimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int NativeGetrlimit(int resource, out ResourceLimit limit);
}
