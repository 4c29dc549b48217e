using System.Net.Sockets;
using System.Net.WebSockets;
using Bench.Load.Recording;
using Bench.Mqtt;

namespace Bench.Load.Clients;

/// <summary>Maps the exceptions of sockets, HttpClient, the WebSocket client (Clients/WebSockets) and Bench.Mqtt onto <see cref="ErrorKind"/>.</summary>
internal static class ErrorClassifier
{
    public static ErrorKind OfConnect(Exception exception) => exception switch
    {
        OperationCanceledException or TimeoutException => ErrorKind.Timeout,
        MqttProtocolException => ErrorKind.Protocol,
        _ => ErrorKind.Connect,
    };

    public static ErrorKind OfSend(Exception exception) => exception switch
    {
        OperationCanceledException or TimeoutException => ErrorKind.Timeout,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => ErrorKind.Connect,
        HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded } => ErrorKind.Protocol,
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => ErrorKind.Connect,
        HttpRequestException or IOException or SocketException or WebSocketException or ObjectDisposedException => ErrorKind.ConnectionLost,
        InvalidOperationException => ErrorKind.ConnectionLost,
        MqttProtocolException => ErrorKind.Protocol,
        _ => ErrorKind.Other,
    };

    public static ErrorKind OfStatus(int status) => status switch
    {
        >= 200 and < 300 => throw new ArgumentOutOfRangeException(nameof(status), status, "A success is not an error."),
        >= 400 and < 500 => ErrorKind.Rejected,
        >= 500 => ErrorKind.ServerError,
        _ => ErrorKind.Protocol,
    };
}
