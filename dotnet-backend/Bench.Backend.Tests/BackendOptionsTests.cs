namespace Bench.Backend.Tests;

public class BackendOptionsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Defaults_to_loopback_8080_one_worker_and_no_broker()
    {
        Assert.Equal(new BackendOptions("127.0.0.1", 8080, 1, []), BackendOptions.Parse([], NoEnvironment));
    }

    [Fact]
    public void Reads_the_command_line_the_harness_passes()
    {
        var options = BackendOptions.Parse(["--port", "0", "--workers", "4", "--broker", "mqtt://127.0.0.1:1883", "--host=0.0.0.0"], NoEnvironment);

        Assert.Equal(new BackendOptions("0.0.0.0", 0, 4, [new Uri("mqtt://127.0.0.1:1883")]), options);
    }

    [Fact]
    public void Takes_the_environment_when_no_option_overrides_it()
    {
        var environment = new Dictionary<string, string> { ["BENCH_PORT"] = "9000", ["BENCH_HOST"] = "::1", ["BENCH_BROKER"] = "mqtt://h:1" };

        var options = BackendOptions.Parse(["--port", "9001"], name => environment.GetValueOrDefault(name));

        Assert.Equal(new BackendOptions("::1", 9001, 1, [new Uri("mqtt://h:1")]), options);
    }

    [Fact]
    public void Treats_an_empty_broker_as_no_mqtt()
    {
        Assert.Empty(BackendOptions.Parse(["--broker", ""], NoEnvironment).Brokers);
        Assert.Empty(BackendOptions.Parse([], name => name == "BENCH_BROKER" ? " " : null).Brokers);
    }

    [Fact]
    public void Reads_a_comma_separated_list_of_brokers_in_order()
    {
        var options = BackendOptions.Parse(["--broker", "mqtt://127.0.0.1:1883,mqtt://127.0.0.1:1884, mqtt://broker-3:1883"], NoEnvironment);

        Assert.Equal([new Uri("mqtt://127.0.0.1:1883"), new Uri("mqtt://127.0.0.1:1884"), new Uri("mqtt://broker-3:1883")], options.Brokers);
    }

    [Fact]
    public void Reads_a_list_of_brokers_from_the_environment_and_lets_the_option_override_it()
    {
        var environment = new Dictionary<string, string> { ["BENCH_BROKER"] = "mqtt://h:1,mqtt://h:2" };

        var fromEnvironment = BackendOptions.Parse([], name => environment.GetValueOrDefault(name));
        var overridden = BackendOptions.Parse(["--broker=mqtt://h:3"], name => environment.GetValueOrDefault(name));

        Assert.Equal([new Uri("mqtt://h:1"), new Uri("mqtt://h:2")], fromEnvironment.Brokers);
        Assert.Equal([new Uri("mqtt://h:3")], overridden.Brokers);
    }

    [Theory]
    [InlineData("mqtt://127.0.0.1:1883")]
    [InlineData("mqtt://127.0.0.1:1883,mqtt://127.0.0.1:1884")]
    public void Passes_the_broker_list_to_workers_as_one_value_that_parses_back_to_the_same_list(string brokers)
    {
        var options = BackendOptions.Parse(["--broker", brokers, "--workers", "2"], NoEnvironment);

        Assert.Equal(brokers, options.BrokerArgument);
        Assert.Equal(options, BackendOptions.Parse(["--broker", options.BrokerArgument, "--workers", "2"], NoEnvironment));
    }

    [Theory]
    [InlineData("mqtt://a:1,,mqtt://b:2", "entry 2")]
    [InlineData("mqtt://a:1,", "entry 2")]
    [InlineData(",mqtt://a:1", "entry 1")]
    [InlineData("mqtt://a:1, ,mqtt://b:2", "entry 2")]
    [InlineData("mqtt://a:1,mqtt://b:2,mqtt://a:1", "'mqtt://a:1' and 'mqtt://a:1'")]
    [InlineData("mqtt://a:1,MQTT://A:1/", "'mqtt://a:1' and 'MQTT://A:1/'")]
    [InlineData("mqtt://a:1,http://b:2", "'http://b:2'")]
    [InlineData("mqtt://a:1,mqtt://b", "'mqtt://b'")]
    [InlineData("mqtt://a:1,b:2", "'b:2'")]
    public void Refuses_a_broker_list_with_an_empty_duplicate_or_non_mqtt_entry_naming_it(string brokers, string named)
    {
        var fromOption = Assert.Throws<FormatException>(() => BackendOptions.Parse(["--broker", brokers], NoEnvironment));
        var fromEnvironment = Assert.Throws<FormatException>(() => BackendOptions.Parse([], name => name == "BENCH_BROKER" ? brokers : null));

        Assert.StartsWith("--broker", fromOption.Message, StringComparison.Ordinal);
        Assert.Contains(named, fromOption.Message, StringComparison.Ordinal);
        Assert.Equal(fromOption.Message, fromEnvironment.Message);
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
