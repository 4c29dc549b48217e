namespace Bench.Harness.Sampling;

/// <summary>One process at one instant, read from /proc.</summary>
/// <param name="Pid">Process id.</param>
/// <param name="StartTime">Start time in clock ticks since boot (stat field 22): with the PID it identifies the process across PID reuse.</param>
/// <param name="CpuTime">User plus system CPU time consumed so far (stat fields 14 and 15).</param>
/// <param name="RssBytes">Resident set size (smaps_rollup Rss).</param>
/// <param name="PssBytes">Proportional set size (smaps_rollup Pss): shared pages divided among their sharers, so it adds up across a tree.</param>
/// <param name="Threads">Threads (status Threads).</param>
/// <param name="OpenFiles">Open file descriptors (entries of /proc/PID/fd).</param>
internal readonly record struct ProcessReading(int Pid, long StartTime, TimeSpan CpuTime, long RssBytes, long PssBytes, int Threads, int OpenFiles);
