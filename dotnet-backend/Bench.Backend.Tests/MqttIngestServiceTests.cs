using Bench.Backend.Mqtt;

namespace Bench.Backend.Tests;

public class MqttIngestServiceTests
{
    [Fact]
    public void Keeps_the_single_broker_client_id_and_gives_each_broker_of_a_list_its_own()
    {
        Assert.Equal("bench-dotnet-4242", MqttIngestService.ClientId(4242, 0, 1));
        Assert.Equal(["bench-dotnet-4242-0", "bench-dotnet-4242-1", "bench-dotnet-4242-2"],
            Enumerable.Range(0, 3).Select(broker => MqttIngestService.ClientId(4242, broker, 3)));
    }
}
