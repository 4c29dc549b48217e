using Bench.Load.Engine;

namespace Bench.Load.Clients;

/// <summary>Chooses the adapter for a protocol.</summary>
internal static class LoadClients
{
    public static ILoadClient Create(LoadProtocol protocol, LoadClientOptions options, ISendObserver observer) => protocol switch
    {
        LoadProtocol.Http => new HttpLoadClient(options, observer),
        LoadProtocol.WebSocket => new WebSocketLoadClient(options, observer),
        LoadProtocol.Mqtt => new MqttLoadClient(options, observer),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Unknown protocol."),
    };
}
