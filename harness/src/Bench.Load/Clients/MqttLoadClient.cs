using System.Diagnostics;
using Bench.Mqtt;

namespace Bench.Load.Clients;

/// <summary>
/// Devices that each hold one <see cref="MqttClient"/> with its own client id (contract §6): publish readings to
/// <c>devices/{id}/telemetry</c> at QoS 0 or 1 and match the backend's <c>{"seq":n}</c> on <c>devices/{id}/ack</c>, so
/// latency covers device → broker → backend → broker → device.
/// </summary>
internal sealed class MqttLoadClient(LoadClientOptions options, ISendObserver observer) : ILoadClient
{
    private static readonly TimeSpan DisconnectDeadline = TimeSpan.FromSeconds(10);

    private readonly MqttDevice?[] _devices = new MqttDevice?[options.Devices];

    public int Devices => options.Devices;

    public async Task<bool> ConnectAsync(int device, CancellationToken cancellationToken)
    {
        string id = options.DeviceId(device);
        var state = new MqttDevice(device, id, options.MqttQos, options.InFlightPerDevice, observer, options.VibrationField, options.MqttReply);
        var clientOptions = new MqttClientOptions(options.MqttHost, options.MqttPort(device), "bench-" + id)
        {
            LocalAddress = options.SourceAddress,
            // Replies are tiny; refuse anything large instead of renting big buffers for it.
            MaxIncomingPacketSize = 64 * 1024,
        };
        long started = Stopwatch.GetTimestamp();
        MqttClient? client = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.SendTimeout);
            client = await MqttClient.ConnectAsync(clientOptions, state.OnMessage, timeout.Token);
            await client.SubscribeAsync(state.AckTopic, MqttQos.AtMostOnce, timeout.Token);
            await client.SubscribeAsync(state.ErrorTopic, MqttQos.AtMostOnce, timeout.Token);
        }
        catch (Exception e)
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }

            observer.ConnectFailed(ErrorClassifier.OfConnect(e));
            return false;
        }

        observer.Connected(Stopwatch.GetTimestamp() - started);
        state.Attach(client);
        _devices[device] = state;
        return true;
    }

    public SendStart TrySend(int device, long intended) =>
        _devices[device] is { } state ? state.TrySend(intended) : SendStart.Disconnected;

    public void ExpireInFlight(long sentBefore)
    {
        foreach (var device in _devices)
        {
            device?.Expire(sentBefore);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(DisconnectDeadline);
        await Parallel.ForEachAsync(
            _devices.Where(d => d is not null),
            new ParallelOptions { MaxDegreeOfParallelism = 256, CancellationToken = CancellationToken.None },
            async (device, _) => await device!.DisconnectAsync(deadline.Token));
    }
}
