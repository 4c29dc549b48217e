using Bench.Harness.Preflight;

namespace Bench.UnitTests.Preflight;

public sealed class PortRangeTests
{
    [Fact]
    public void Parses_the_proc_file_and_counts_the_kernel_default_as_28232_ports()
    {
        var range = PortRange.Parse("32768\t60999\n");

        Assert.Equal(new PortRange(32_768, 60_999), range);
        Assert.Equal(28_232, range.Count);
    }

    [Fact]
    public void The_live_limits_of_this_host_can_be_read()
    {
        var limits = SystemLimits.Read();

        Assert.True(limits.OpenFilesSoft > 0);
        Assert.True(limits.OpenFilesHard >= limits.OpenFilesSoft);
        Assert.True(limits.EphemeralPorts.Count > 0);
        Assert.True(limits.Somaxconn > 0);
    }
}
