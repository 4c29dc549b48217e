using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bench.Harness.Verification;

/// <summary>A plain HTTP/1.1 client for contract checks: exact bytes out, status, headers and parsed JSON back.</summary>
internal sealed class ContractClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1), MaxConnectionsPerServer = 64 })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(15),
    };

    public Uri BaseAddress => baseAddress;

    public Task<ContractResponse> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, null, cancellationToken);

    public Task<ContractResponse> PostJsonAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, "application/json", Encoding.UTF8.GetBytes(body.ToJsonString()), cancellationToken);

    /// <summary>Sends <paramref name="body"/> as given; a null <paramref name="contentType"/> sends no Content-Type header at all.</summary>
    public async Task<ContractResponse> SendAsync(HttpMethod method, string path, string? contentType, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new ContractResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, TryParse(text));
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A response as the checks see it.</summary>
internal sealed record ContractResponse(HttpStatusCode Status, string? MediaType, string Text, JsonNode? Json)
{
    public int Code => (int)Status;

    public string Describe() => $"HTTP {Code} {Truncate(Text)}";

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
