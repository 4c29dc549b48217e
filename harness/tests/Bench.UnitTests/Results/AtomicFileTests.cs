using System.Text;
using Bench.Harness.Results;

namespace Bench.UnitTests.Results;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bench-atomic-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_writer_that_throws_half_way_leaves_the_old_content_and_no_temporary_file()
    {
        var path = Path.Combine(_directory, "results.json");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(Encoding.UTF8.GetBytes("{\"half\": "));
            throw new InvalidOperationException("serialisation failed");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public void A_successful_write_replaces_the_whole_file()
    {
        var path = Path.Combine(_directory, "results.json");
        File.WriteAllText(path, "a much longer old content");

        AtomicFile.Write(path, stream => stream.Write("new"u8));

        Assert.Equal("new", File.ReadAllText(path));
    }
}
