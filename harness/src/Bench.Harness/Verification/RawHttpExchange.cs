using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bench.Harness.Verification;

/// <summary>
/// One HTTP/1.1 request over a raw socket that keeps reading while it writes. A server may answer an oversized body
/// with 413 and close before the body is fully sent (RFC 9110 §15.5.14 allows it); HttpClient then reports only the
/// failed send, so the check would see a network error instead of the server's actual answer.
/// </summary>
internal static class RawHttpExchange
{
    public static async Task<ContractResponse> SendAsync(Uri baseAddress, string method, string path, string? contentType, byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port, timeout.Token).ConfigureAwait(false);
        var stream = client.GetStream();
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\n")
            .Append(contentType is null ? string.Empty : $"Content-Type: {contentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        var reading = ReadAllAsync(stream, timeout.Token);
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), timeout.Token).ConfigureAwait(false);
            for (var offset = 0; offset < body.Length && !reading.IsCompleted; offset += 16 * 1024)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(16 * 1024, body.Length - offset)), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // The server closed while we were still sending: its answer, if any, is already in the read buffer.
        }

        return Parse(await reading.ConfigureAwait(false));
    }

    private static async Task<byte[]> ReadAllAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the response was sent still leaves the response.
        }

        return received.ToArray();
    }

    internal static ContractResponse Parse(byte[] raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var status = text.Length > 12 && text.StartsWith("HTTP/1.", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0;
        var headers = split < 0 ? text : text[..split];
        var bodyText = split < 0 ? string.Empty : text[(split + 4)..];
        if (headers.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            bodyText = Dechunk(bodyText);
        }

        var mediaType = headers.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?[13..].Split(';')[0].Trim();
        JsonNode? json = null;
        try
        {
            json = bodyText.Length > 0 ? JsonNode.Parse(bodyText) : null;
        }
        catch (JsonException)
        {
        }

        return new ContractResponse((System.Net.HttpStatusCode)status, mediaType, bodyText, json);
    }

    private static string Dechunk(string body)
    {
        var result = new StringBuilder();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = body.IndexOf("\r\n", position, StringComparison.Ordinal);
            if (lineEnd < 0 || !int.TryParse(body.AsSpan(position, lineEnd - position).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size == 0)
            {
                break;
            }

            result.Append(body, lineEnd + 2, Math.Min(size, body.Length - lineEnd - 2));
            position = lineEnd + 2 + size + 2;
        }

        return result.ToString();
    }
}
