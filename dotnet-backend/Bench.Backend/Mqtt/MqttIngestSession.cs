using System.Threading.Channels;
using Bench.Backend.Telemetry;
using Bench.Mqtt;

namespace Bench.Backend.Mqtt;

/// <summary>
/// One broker connection: subscribe, process every telemetry message on the client's receive loop, and hand the
/// replies through a channel to a single writer so that publishing never blocks receiving. The writer publishes on
/// this same connection, so every reply goes back to the broker its message came from; replies still queued when
/// the connection ends are dropped (QoS 0), never sent through another broker.
/// </summary>
internal sealed class MqttIngestSession
{
    // Replies beyond this many waiting are dropped (they are QoS 0, at most once, by contract).
    private const int ReplyCapacity = 16_384;
    private static readonly TimeSpan DisconnectTimeout = TimeSpan.FromSeconds(2);

    private readonly TelemetryProcessor _processor;
    private readonly Channel<MqttReply> _replies = Channel.CreateBounded<MqttReply>(
        new BoundedChannelOptions(ReplyCapacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    public MqttIngestSession(TelemetryProcessor processor) => _processor = processor;

    /// <summary>
    /// Connects and subscribes (then calls <paramref name="onSubscribed"/>), and serves until the connection ends,
    /// which it reports by throwing, or until <paramref name="stoppingToken"/> fires, when it disconnects cleanly.
    /// </summary>
    public async Task RunAsync(
        MqttClientOptions clientOptions, string topicFilter, Action onSubscribed, CancellationToken stoppingToken)
    {
        await using var client = await MqttClient.ConnectAsync(clientOptions, OnMessage, stoppingToken);
        await client.SubscribeAsync(topicFilter, MqttQos.AtLeastOnce, stoppingToken);
        onSubscribed();
        using var sessionEnd = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var writer = WriteRepliesAsync(client, sessionEnd.Token);
        try
        {
            await client.Completion.WaitAsync(stoppingToken);
            throw new IOException("The broker ended the session.");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            using var timeout = new CancellationTokenSource(DisconnectTimeout);
            await client.DisconnectAsync(timeout.Token);
        }
        finally
        {
            await sessionEnd.CancelAsync();
            await writer;
            DropPendingReplies();
        }
    }

    private void OnMessage(string topic, ReadOnlySpan<byte> payload)
    {
        // The subscription only matches devices/+/telemetry; anything else is not ours to answer.
        if (!TelemetryTopic.TryGetDeviceId(topic, out var deviceId))
            return;
        var result = _processor.Process(payload, deviceId, Transport.Mqtt);
        var reply = MqttReply.For(deviceId, result);
        if (!_replies.Writer.TryWrite(reply))
            reply.Release();
    }

    private async Task WriteRepliesAsync(MqttClient client, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var reply in _replies.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    await client.PublishAsync(reply.Topic, reply.Body, MqttQos.AtMostOnce, cancellationToken);
                }
                catch (Exception e) when (e is InvalidOperationException or IOException or System.Net.Sockets.SocketException)
                {
                    // The connection is gone; the session notices through Completion and reconnects.
                    return;
                }
                finally
                {
                    reply.Release();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The session is over.
        }
    }

    private void DropPendingReplies()
    {
        while (_replies.Reader.TryRead(out var reply))
            reply.Release();
    }
}
