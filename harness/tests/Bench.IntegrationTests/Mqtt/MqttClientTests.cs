using System.Net.Sockets;
using System.Text;
using Bench.Mqtt;

namespace Bench.IntegrationTests.Mqtt;

[Collection(MqttBrokerCollection.Name)]
public sealed class MqttClientTests : IAsyncLifetime
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _timeout = new(TestTimeout);
    private MosquittoBroker _broker = null!;

    private CancellationToken Timeout => _timeout.Token;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task Connects_and_completes_cleanly_after_disconnect()
    {
        var client = await ConnectAsync("clean");
        Assert.Equal(MqttConnectionState.Connected, client.State);

        await client.DisconnectAsync(Timeout);

        await client.Completion.WaitAsync(Timeout);
        Assert.True(client.Completion.IsCompletedSuccessfully);
        Assert.Equal(MqttConnectionState.Closed, client.State);
    }

    [Fact]
    public async Task Subscriber_receives_a_qos0_publish()
    {
        var received = new ReceivedMessages();
        await using var subscriber = await ConnectAsync("sub0", received.Handler);
        await using var publisher = await ConnectAsync("pub0");
        var granted = await subscriber.SubscribeAsync("devices/+/telemetry", MqttQos.AtMostOnce, Timeout);

        await publisher.PublishAsync("devices/d1/telemetry", "hello"u8.ToArray(), MqttQos.AtMostOnce, Timeout);

        Assert.Equal(MqttQos.AtMostOnce, granted);
        Assert.Equal(("devices/d1/telemetry", "hello"), await received.NextTextAsync(Timeout));
    }

    [Fact]
    public async Task Qos1_publishes_complete_on_puback_and_arrive_in_order()
    {
        var received = new ReceivedMessages();
        await using var subscriber = await ConnectAsync("sub1", received.Handler);
        await using var publisher = await ConnectAsync("pub1");
        var granted = await subscriber.SubscribeAsync("q/#", MqttQos.AtLeastOnce, Timeout);

        // More than mosquitto's 20 in-flight messages, so the subscriber's PUBACKs must flow for all to arrive.
        var publishes = Enumerable.Range(0, 200)
            .Select(i => publisher.PublishAsync("q/a", Encoding.UTF8.GetBytes($"m{i}"), MqttQos.AtLeastOnce, Timeout).AsTask())
            .ToArray();
        await Task.WhenAll(publishes).WaitAsync(Timeout);

        Assert.Equal(MqttQos.AtLeastOnce, granted);
        for (var i = 0; i < 200; i++)
            Assert.Equal(("q/a", $"m{i}"), await received.NextTextAsync(Timeout));
    }

    [Fact]
    public async Task Large_payloads_survive_partial_reads()
    {
        var received = new ReceivedMessages();
        await using var subscriber = await ConnectAsync("big-sub", received.Handler);
        await using var publisher = await ConnectAsync("big-pub");
        await subscriber.SubscribeAsync("big", MqttQos.AtLeastOnce, Timeout);
        var payload = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31)).ToArray();

        await publisher.PublishAsync("big", payload, MqttQos.AtLeastOnce, Timeout);

        var (topic, body) = await received.NextAsync(Timeout);
        Assert.Equal("big", topic);
        Assert.Equal(payload, body);
    }

    [Fact]
    public async Task Shared_subscription_splits_messages_between_members()
    {
        var first = new ReceivedMessages();
        var second = new ReceivedMessages();
        await using var member1 = await ConnectAsync("share-1", first.Handler);
        await using var member2 = await ConnectAsync("share-2", second.Handler);
        await using var publisher = await ConnectAsync("share-pub");
        await member1.SubscribeAsync("$share/bench/devices/+/telemetry", MqttQos.AtLeastOnce, Timeout);
        await member2.SubscribeAsync("$share/bench/devices/+/telemetry", MqttQos.AtLeastOnce, Timeout);

        for (var i = 0; i < 10; i++)
            await publisher.PublishAsync($"devices/d{i}/telemetry", "x"u8.ToArray(), MqttQos.AtLeastOnce, Timeout);
        // A marker on a plain subscription of the publisher's own proves every earlier message was routed.
        var marker = new ReceivedMessages();
        await using var observer = await ConnectAsync("share-observer", marker.Handler);
        await observer.SubscribeAsync("done", MqttQos.AtLeastOnce, Timeout);
        await publisher.PublishAsync("done", "x"u8.ToArray(), MqttQos.AtLeastOnce, Timeout);
        await marker.NextAsync(Timeout);
        await WaitForCountAsync(() => first.Count + second.Count, 10);

        Assert.Equal(10, first.Count + second.Count);
        Assert.True(first.Count > 0 && second.Count > 0, $"split {first.Count}/{second.Count}");
    }

    [Fact]
    public async Task Keepalive_pings_keep_an_idle_connection_open()
    {
        var options = Options("idle") with { KeepAliveSeconds = 2 };
        await using var client = await MqttClient.ConnectAsync(options, null, Timeout);

        // mosquitto drops a client silent for 1.5 x keep-alive (3 s); 5 s idle needs pings to survive.
        await Task.Delay(TimeSpan.FromSeconds(5), Timeout);

        Assert.Equal(MqttConnectionState.Connected, client.State);
        Assert.False(client.Completion.IsCompleted);
        Assert.True(CountLogLines("Received PINGREQ from idle") >= 2, string.Join('\n', _broker.LogLines));
        Assert.True(CountLogLines("Sending PINGRESP to idle") >= 2);
        await client.PublishAsync("still/alive", "x"u8.ToArray(), MqttQos.AtLeastOnce, Timeout);
    }

    [Fact]
    public async Task Completion_faults_when_the_broker_dies()
    {
        await using var client = await ConnectAsync("orphan");

        await _broker.KillAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.Completion.WaitAsync(Timeout));
        Assert.True(error is IOException or SocketException, error.ToString());
        Assert.Equal(MqttConnectionState.Closed, client.State);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => client.PublishAsync("t", "x"u8.ToArray(), MqttQos.AtMostOnce, Timeout).AsTask());
    }

    [Fact]
    public async Task Refused_connect_reports_the_connack_return_code()
    {
        await using var closed = await MosquittoBroker.StartAsync(allowAnonymous: false);
        var options = new MqttClientOptions("127.0.0.1", closed.Port, "anonymous");

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => MqttClient.ConnectAsync(options, null, Timeout));

        Assert.Equal(MqttConnectReturnCode.NotAuthorized, error.ReturnCode);
    }

    [Fact]
    public async Task Connects_from_a_chosen_loopback_source_address()
    {
        var options = Options("sourced") with { LocalAddress = System.Net.IPAddress.Parse("127.0.0.7") };
        await using var client = await MqttClient.ConnectAsync(options, null, Timeout);

        Assert.Contains(_broker.LogLines, line => line.Contains("New client connected from 127.0.0.7", StringComparison.Ordinal));
    }

    private MqttClientOptions Options(string clientId) => new("127.0.0.1", _broker.Port, clientId);

    private Task<MqttClient> ConnectAsync(string clientId, MqttMessageHandler? handler = null) =>
        MqttClient.ConnectAsync(Options(clientId), handler, Timeout);

    private int CountLogLines(string text) => _broker.LogLines.Count(line => line.Contains(text, StringComparison.Ordinal));

    private async Task WaitForCountAsync(Func<int> count, int expected)
    {
        while (count() < expected)
            await Task.Delay(20, Timeout);
    }
}
