using System.Runtime.InteropServices;

namespace Bench.Harness.Sampling;

/// <summary>The kernel's clock tick (USER_HZ): the unit of the CPU times in /proc/PID/stat.</summary>
internal static partial class ClockTicks
{
    private const int ScClkTck = 2; // _SC_CLK_TCK in glibc's <bits/confname.h>

    /// <summary>sysconf(_SC_CLK_TCK); 100 on every mainstream Linux build, used if the call fails.</summary>
    public static long PerSecond { get; } = Query();

    public static TimeSpan ToTimeSpan(long ticks) => TimeSpan.FromTicks(ticks * TimeSpan.TicksPerSecond / PerSecond);

    private static long Query()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 100;
        }

        var value = NativeSysconf(ScClkTck);
        return value > 0 ? value : 100;
    }

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long NativeSysconf(int name);
}
