namespace Bench.Backend.Tests;

public class BackendOptionsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Defaults_to_loopback_8080_one_worker_and_no_broker()
    {
        Assert.Equal(new BackendOptions("127.0.0.1", 8080, 1, null), BackendOptions.Parse([], NoEnvironment));
    }

    [Fact]
    public void Reads_the_command_line_the_harness_passes()
    {
        var options = BackendOptions.Parse(["--port", "0", "--workers", "4", "--broker", "mqtt://127.0.0.1:1883", "--host=0.0.0.0"], NoEnvironment);

        Assert.Equal(new BackendOptions("0.0.0.0", 0, 4, new Uri("mqtt://127.0.0.1:1883")), options);
    }

    [Fact]
    public void Takes_the_environment_when_no_option_overrides_it()
    {
        var environment = new Dictionary<string, string> { ["BENCH_PORT"] = "9000", ["BENCH_HOST"] = "::1", ["BENCH_BROKER"] = "mqtt://h:1" };

        var options = BackendOptions.Parse(["--port", "9001"], name => environment.GetValueOrDefault(name));

        Assert.Equal(new BackendOptions("::1", 9001, 1, new Uri("mqtt://h:1")), options);
    }

    [Fact]
    public void Treats_an_empty_broker_as_no_mqtt()
    {
        Assert.Null(BackendOptions.Parse(["--broker", ""], NoEnvironment).BrokerUri);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--port", "x")]
    [InlineData("--workers", "0")]
    [InlineData("--broker", "http://h:1")]
    [InlineData("--colour", "red")]
    public void Refuses_bad_input_with_a_message(string option, string value)
    {
        var error = Assert.Throws<FormatException>(() => BackendOptions.Parse([option, value], NoEnvironment));

        Assert.Contains(option[2..], error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", "dotnet")]
    [InlineData("2", "dotnet-multi")]
    public void Names_the_multi_process_variant_by_its_worker_count(string workers, string name)
    {
        Assert.Equal(name, BackendOptions.Parse(["--workers", workers], NoEnvironment).Name);
    }
}
