using Bench.Mqtt;

namespace Bench.UnitTests.Mqtt;

public sealed class MqttTopicTests
{
    [Theory]
    [InlineData("devices/dev-1/telemetry")]
    [InlineData("/leading/slash")]
    [InlineData("$SYS/x")]
    public void Accepts_plain_topic_names(string topic) => MqttTopic.ValidateName(topic);

    [Theory]
    [InlineData("")]
    [InlineData("devices/+/telemetry")]
    [InlineData("devices/#")]
    [InlineData("a\0b")]
    public void Refuses_topic_names_with_wildcards_or_nothing(string topic) =>
        Assert.Throws<ArgumentException>(() => MqttTopic.ValidateName(topic));

    [Theory]
    [InlineData("devices/+/telemetry")]
    [InlineData("#")]
    [InlineData("a/#")]
    [InlineData("+/+")]
    [InlineData("$share/bench/devices/+/telemetry")]
    public void Accepts_valid_filters(string filter) => MqttTopic.ValidateFilter(filter);

    [Theory]
    [InlineData("a#")]
    [InlineData("a/#/b")]
    [InlineData("a+/b")]
    [InlineData("$share//a")]
    [InlineData("$share/na+me/a")]
    [InlineData("$share/name/")]
    [InlineData("$share/name")]
    public void Refuses_misplaced_wildcards_and_malformed_shares(string filter) =>
        Assert.Throws<ArgumentException>(() => MqttTopic.ValidateFilter(filter));

    [Fact]
    public void Refuses_topics_over_65535_utf8_bytes() =>
        Assert.Throws<ArgumentException>(() => MqttTopic.ValidateName(new string('é', 40_000)));
}
