namespace Bench.Harness.Results;

/// <summary>A latency histogram in HdrHistogram's compressed V2 encoding, base64 (readable by every HdrHistogram port).</summary>
/// <param name="Unit">The unit of the recorded values (for example <c>ns</c>).</param>
/// <param name="Data">The base64 text (starts with <c>HISTF</c>).</param>
/// <param name="Encoding">Always <see cref="HdrV2CompressedBase64"/> in schema version 1.</param>
internal sealed record HistogramRecord(string Unit, string Data, string Encoding = HistogramRecord.HdrV2CompressedBase64)
{
    public const string HdrV2CompressedBase64 = "hdrhistogram-v2-compressed-base64";
}
