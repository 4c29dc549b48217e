namespace Bench.IntegrationTests.Mqtt;

/// <summary>Tests that start mosquitto processes run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MqttBrokerCollection
{
    public const string Name = "Mqtt broker";
}
