using Bench.Harness.Orchestration;
using Bench.Harness.Results;

namespace Bench.UnitTests.Results;

public class EnvironmentFactsTests
{
    [Fact]
    public void Os_release_gives_the_pretty_name()
    {
        const string OsRelease = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\n";

        Assert.Equal("Debian GNU/Linux 12 (bookworm)", EnvironmentFacts.OsName(OsRelease));
        Assert.Equal("Alpine", EnvironmentFacts.OsName("NAME=Alpine\n"));
    }

    [Fact]
    public void Cpuinfo_and_meminfo_give_the_model_and_total_memory()
    {
        const string CpuInfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7B13\n";

        Assert.Equal("AMD EPYC 7B13", EnvironmentFacts.CpuModel(CpuInfo));
        Assert.Equal(24_576_000L * 1024, EnvironmentFacts.MemoryTotalBytes("MemTotal:       24576000 kB\nMemFree: 1 kB\n"));
        Assert.Null(EnvironmentFacts.CpuModel("processor\t: 0\n"));
    }

    [Fact]
    public void Package_lock_gives_the_installed_version_of_each_direct_dependency()
    {
        const string Lock = """
            {"lockfileVersion": 3, "packages": {
              "": {"dependencies": {"fastify": "^5.12.8", "ws": "^8.23.0", "gone": "^1.0.0"}},
              "node_modules/fastify": {"version": "5.12.8"},
              "node_modules/ws": {"version": "8.23.0"},
              "node_modules/@types/ws": {"version": "8.18.2"}}}
            """;

        Assert.Equal(
            new Dictionary<string, string?> { ["fastify"] = "5.12.8", ["gone"] = null, ["ws"] = "8.23.0" },
            EnvironmentFacts.NpmDirectDependencies(Lock));
    }

    [Fact]
    public void Dpkg_and_version_outputs_are_reduced_to_versions()
    {
        Assert.Equal(
            new Dictionary<string, string> { ["mosquitto"] = "2.0.11-1.2+deb12u2", ["python3-numpy"] = "1:1.24.2-1+deb12u1" },
            EnvironmentFacts.DpkgVersions("mosquitto 2.0.11-1.2+deb12u2\npython3-numpy 1:1.24.2-1+deb12u1\npython3-absent \n"));
        Assert.Equal("3.11.2", EnvironmentFacts.VersionNumber("Python 3.11.2\n"));
        Assert.Equal("20.19.2", EnvironmentFacts.VersionNumber("v20.19.2"));
        Assert.Null(EnvironmentFacts.VersionNumber(""));
    }

    [Fact(Timeout = 60_000)]
    public async Task This_machine_and_repository_are_described()
    {
        var root = RepositoryRoot.Locate();

        var manifest = await EnvironmentCollector.CollectAsync(root, "bench compare", CancellationToken.None);

        Assert.True(manifest.Cores >= 1);
        Assert.True(manifest.MemoryBytes > 0);
        Assert.NotNull(manifest.Kernel);
        Assert.NotNull(manifest.Runtimes["dotnet"]);
        Assert.True(manifest.OpenFilesLimit?.Soft > 0);
        Assert.Equal("bench compare", manifest.CommandLine);
        Assert.Contains("deb:mosquitto", manifest.Packages.Keys);
    }
}
