using Bench.Harness.Sampling;

namespace Bench.UnitTests.Sampling;

public class ProcfsParserTests
{
    // A real /proc/PID/stat line shape, with a command name that holds spaces and parentheses.
    private const string Stat =
        "4242 (my (odd) worker) S 4200 4200 4200 0 -1 4194560 1000 0 0 0 250 75 3 1 20 0 7 0 123456 1000000 2000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";

    [Fact]
    public void Stat_fields_are_counted_after_the_last_parenthesis()
    {
        var stat = ProcfsParser.ParseStat(Stat);

        Assert.Equal(new ProcfsParser.StatFields('S', 4200, 250, 75, 123456), stat);
    }

    [Fact]
    public void Truncated_stat_text_gives_no_fields()
    {
        Assert.Null(ProcfsParser.ParseStat("4242 (worker) S 4200 4200"));
        Assert.Null(ProcfsParser.ParseStat(""));
    }

    [Fact]
    public void Smaps_rollup_gives_rss_and_pss_in_bytes_without_confusing_pss_anon()
    {
        const string Rollup = """
            55a4c0000000-7ffd8a1f2000 ---p 00000000 00:00 0                          [rollup]
            Rss:               24576 kB
            Pss:               20480 kB
            Pss_Dirty:          8192 kB
            Pss_Anon:           4096 kB
            Shared_Clean:       8192 kB
            Private_Dirty:      8192 kB
            """;

        Assert.Equal((24576L * 1024, 20480L * 1024), ProcfsParser.ParseSmapsRollup(Rollup));
        Assert.Null(ProcfsParser.ParseSmapsRollup("Rss: 10 kB\n"));
    }

    [Fact]
    public void Status_gives_threads_and_vm_rss()
    {
        const string Status = "Name:\tdotnet\nState:\tS (sleeping)\nVmRSS:\t   51200 kB\nThreads:\t17\n";

        Assert.Equal(17, ProcfsParser.ParseThreads(Status));
        Assert.Equal(51200L * 1024, ProcfsParser.ParseStatusRss(Status));
        Assert.Null(ProcfsParser.ParseThreads("Name:\tx\n"));
    }
}
