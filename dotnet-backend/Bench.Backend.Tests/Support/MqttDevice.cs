using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Bench.Mqtt;

namespace Bench.Backend.Tests.Support;

/// <summary>
/// A test's device side on one broker: publishes telemetry there and records every reply the backend publishes to
/// that broker (<c>devices/+/ack</c> and <c>devices/+/error</c>), so a test can tell which broker a reply came back on.
/// </summary>
internal sealed class MqttDevice : IAsyncDisposable
{
    private static readonly TimeSpan ConnectDeadline = TimeSpan.FromSeconds(10);

    private readonly MqttClient _client;
    private readonly ConcurrentQueue<(string Topic, string Body)> _replies;
    private readonly SemaphoreSlim _arrived;

    private MqttDevice(MqttClient client, ConcurrentQueue<(string Topic, string Body)> replies, SemaphoreSlim arrived)
    {
        _client = client;
        _replies = replies;
        _arrived = arrived;
    }

    /// <summary>Every reply received so far, as (topic, UTF-8 body).</summary>
    public IReadOnlyList<(string Topic, string Body)> Replies => [.. _replies];

    /// <summary>Connects as <paramref name="clientId"/> and waits until both reply subscriptions are acknowledged.</summary>
    public static async Task<MqttDevice> ConnectAsync(MosquittoProcess broker, string clientId)
    {
        var replies = new ConcurrentQueue<(string Topic, string Body)>();
        var arrived = new SemaphoreSlim(0);
        using var deadline = new CancellationTokenSource(ConnectDeadline);
        var client = await MqttClient.ConnectAsync(new MqttClientOptions("127.0.0.1", broker.Port, clientId), (topic, payload) =>
        {
            replies.Enqueue((topic, Encoding.UTF8.GetString(payload)));
            arrived.Release();
        }, deadline.Token);
        try
        {
            await client.SubscribeAsync("devices/+/ack", MqttQos.AtLeastOnce, deadline.Token);
            await client.SubscribeAsync("devices/+/error", MqttQos.AtLeastOnce, deadline.Token);
        }
        catch
        {
            await client.DisposeAsync();
            arrived.Dispose();
            throw;
        }
        return new MqttDevice(client, replies, arrived);
    }

    /// <summary>A valid reading of the contract (§2) for <paramref name="deviceId"/>.</summary>
    public static byte[] Reading(string deviceId, long seq) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $$"""{"deviceId":"{{deviceId}}","seq":{{seq}},"ts":1763769600000,"temperature":21.5,"humidity":40,"battery":80}"""));

    /// <summary>Publishes to <c>devices/{topicDeviceId}/telemetry</c> at QoS 1 (returns once the broker has it).</summary>
    public async Task PublishAsync(string topicDeviceId, byte[] payload)
    {
        using var deadline = new CancellationTokenSource(ConnectDeadline);
        await _client.PublishAsync($"devices/{topicDeviceId}/telemetry", payload, MqttQos.AtLeastOnce, deadline.Token);
    }

    /// <summary>Waits (bounded) for a reply on <paramref name="topic"/> and returns its body; null when none came in time.</summary>
    public async Task<string?> WaitForReplyAsync(string topic, TimeSpan deadline)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            foreach (var reply in _replies)
            {
                if (reply.Topic == topic)
                    return reply.Body;
            }
            var left = deadline - stopwatch.Elapsed;
            if (left <= TimeSpan.Zero)
                return null;
            await _arrived.WaitAsync(left);
        }
    }

    /// <summary>The replies received for one device (any topic under <c>devices/{deviceId}/</c>).</summary>
    public IReadOnlyList<(string Topic, string Body)> RepliesFor(string deviceId) =>
        [.. _replies.Where(reply => reply.Topic.StartsWith($"devices/{deviceId}/", StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        _arrived.Dispose();
    }
}
