using System.Globalization;

namespace Bench.Backend.Tests.Support;

/// <summary>What /proc says about a process: its parent, and whether it still runs.</summary>
internal static class ProcFs
{
    /// <summary>The parent PID, or null when the process is gone.</summary>
    public static int? ParentOf(int pid) => Stat(pid) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    /// <summary>False once the process has exited (a zombie waiting to be reaped counts as exited).</summary>
    public static bool IsRunning(int pid) => Stat(pid) is { } fields && fields[0] != "Z";

    /// <summary>Polls (bounded) until the process is no longer running; false when it still runs at the deadline.</summary>
    public static async Task<bool> WaitUntilGoneAsync(int pid, TimeSpan deadline)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            if (stopwatch.Elapsed > deadline)
                return false;
            await Task.Delay(50);
        }
        return true;
    }

    // /proc/<pid>/stat is "pid (comm) state ppid …"; comm may hold spaces, so fields are read after its last ')'.
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
    }
}
