using System.Runtime.InteropServices;

namespace Bench.Harness.Sampling;

/// <summary>
/// The machine's online CPUs. Environment.ProcessorCount honours the process's affinity mask, so a harness
/// pinned with taskset to one CPU would see 1 and overstate every "percent of the machine" figure.
/// </summary>
internal static partial class MachineCpus
{
    private const int ScNprocessorsOnln = 84; // _SC_NPROCESSORS_ONLN in glibc's <bits/confname.h>

    public static int Online { get; } = Query();

    private static int Query()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Environment.ProcessorCount;
        }

        var value = NativeSysconf(ScNprocessorsOnln);
        return value > 0 ? (int)value : Environment.ProcessorCount;
    }

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long NativeSysconf(int name);
}
