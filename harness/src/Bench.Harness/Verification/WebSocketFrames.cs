using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bench.Harness.Verification;

/// <summary>Receives one whole message (or the close) with a deadline.</summary>
internal static class WebSocketFrames
{
    public static async Task<WebSocketReply> ReceiveTextAsync(WebSocket socket, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return new WebSocketReply(null, null, result.CloseStatus);
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var text = Encoding.UTF8.GetString(message.ToArray());
                    return new WebSocketReply(text, Parse(text), null);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no reply within {deadline.TotalSeconds:0} s");
        }
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A text reply, or the close status if the server closed instead.</summary>
internal sealed record WebSocketReply(string? Text, JsonNode? Json, WebSocketCloseStatus? CloseStatus)
{
    public string Describe() => CloseStatus is { } status ? $"close {(int)status}" : $"'{Text}'";
}
