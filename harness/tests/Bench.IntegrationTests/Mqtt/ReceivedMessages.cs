using System.Text;
using System.Threading.Channels;
using Bench.Mqtt;

namespace Bench.IntegrationTests.Mqtt;

/// <summary>Turns pushed MQTT messages into awaitable pulls, copying each payload off the receive buffer.</summary>
internal sealed class ReceivedMessages
{
    private readonly Channel<(string Topic, byte[] Payload)> _channel = Channel.CreateUnbounded<(string, byte[])>();

    public MqttMessageHandler Handler => (topic, payload) => _channel.Writer.TryWrite((topic, payload.ToArray()));

    public int Count => _channel.Reader.Count;

    public async Task<(string Topic, byte[] Payload)> NextAsync(CancellationToken cancellationToken) =>
        await _channel.Reader.ReadAsync(cancellationToken);

    public async Task<(string Topic, string Text)> NextTextAsync(CancellationToken cancellationToken)
    {
        var (topic, payload) = await NextAsync(cancellationToken);
        return (topic, Encoding.UTF8.GetString(payload));
    }
}
