namespace Bench.Backend.Http;

/// <summary>Every error response: <c>{"error": "...", "field": "..." | null}</c> (contract §3).</summary>
internal sealed record ErrorBody(string Error, string? Field);
