namespace Bench.UnitTests.Sampling;

/// <summary>A /proc look-alike in a temporary folder: each process is a folder with stat, status, smaps_rollup and fd/.</summary>
internal sealed class FakeProc : IDisposable
{
    public FakeProc()
    {
        Root = Directory.CreateTempSubdirectory("bench-fakeproc-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "self")); // non-numeric entries exist in the real /proc too
    }

    public string Root { get; }

    /// <summary>Adds a process: CPU in clock ticks (user, system), memory in kB, open files.</summary>
    public string Add(int pid, int ppid, long userTicks = 0, long systemTicks = 0, long rssKb = 1024, long pssKb = 512, int threads = 1, int files = 3, char state = 'S', long startTime = 1000)
    {
        var dir = Path.Combine(Root, pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(dir, "fd"));
        File.WriteAllText(Path.Combine(dir, "stat"),
            $"{pid} (proc {pid}) {state} {ppid} {pid} {pid} 0 -1 0 0 0 0 0 {userTicks} {systemTicks} 0 0 20 0 {threads} 0 {startTime} 0 0 0\n");
        File.WriteAllText(Path.Combine(dir, "status"), $"Name:\tproc\nVmRSS:\t{rssKb} kB\nThreads:\t{threads}\n");
        File.WriteAllText(Path.Combine(dir, "smaps_rollup"), $"00-ff ---p 0 0:0 0 [rollup]\nRss:\t{rssKb} kB\nPss:\t{pssKb} kB\n");
        for (var fd = 0; fd < files; fd++)
        {
            File.WriteAllText(Path.Combine(dir, "fd", fd.ToString(System.Globalization.CultureInfo.InvariantCulture)), "");
        }

        return dir;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
