using System.Buffers;

namespace Bench.Backend.Http;

/// <summary>
/// A JSON request body read whole into a pooled buffer, after the checks every JSON route shares:
/// content type (415) and size limit (413). Dispose to return the buffer.
/// </summary>
internal sealed class JsonRequestBody : IDisposable
{
    private byte[]? _buffer;

    private JsonRequestBody(byte[]? buffer, int length, ErrorBody? error, int status)
    {
        _buffer = buffer;
        Length = length;
        Error = error;
        Status = status;
    }

    public int Length { get; }

    /// <summary>Set when the body was refused; <see cref="Status"/> is then 413 or 415.</summary>
    public ErrorBody? Error { get; }

    public int Status { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public static async ValueTask<JsonRequestBody> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
            return Refused(StatusCodes.Status415UnsupportedMediaType, "content type must be application/json");
        if (request.ContentLength > limit)
            return TooLarge(limit);
        // Read at most limit + 1 bytes: one byte more than allowed is enough to know the body is too large.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(request.ContentLength ?? 4096, 16), limit + 1L));
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                    break;
                buffer = Grow(buffer, limit + 1);
            }
            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
                break;
            length += read;
        }
        if (length <= limit)
            return new JsonRequestBody(buffer, length, null, StatusCodes.Status200OK);
        ArrayPool<byte>.Shared.Return(buffer);
        return TooLarge(limit);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary><c>application/json</c>, with parameters such as <c>; charset=utf-8</c> allowed (contract §3).</summary>
    public static bool IsJson(string? contentType)
    {
        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        if (semicolon >= 0)
            mediaType = mediaType[..semicolon];
        return mediaType.Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);
    }

    private static JsonRequestBody TooLarge(int limit) =>
        Refused(StatusCodes.Status413PayloadTooLarge, $"body larger than {limit} bytes");

    private static JsonRequestBody Refused(int status, string message) => new(null, 0, new ErrorBody(message, null), status);

    private static byte[] Grow(byte[] buffer, int maximum)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(buffer.Length * 2L, 16), maximum));
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
