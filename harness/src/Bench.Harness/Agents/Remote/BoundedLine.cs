using System.Text;

namespace Bench.Harness.Agents.Remote;

/// <summary>Reads one UTF-8 line from a stream, up to a limit, without reading past its newline.</summary>
internal static class BoundedLine
{
    /// <summary>
    /// The line without its newline; null when the stream ends first or the line is longer than <paramref name="maxBytes"/>.
    /// Byte by byte on purpose: whatever follows the newline belongs to the reader that takes the stream over.
    /// </summary>
    public static async Task<string?> ReadAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count <= maxBytes)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            if (one[0] == (byte)'\n')
            {
                var length = bytes.Count > 0 && bytes[^1] == (byte)'\r' ? bytes.Count - 1 : bytes.Count;
                return Encoding.UTF8.GetString([.. bytes], 0, length);
            }

            bytes.Add(one[0]);
        }

        return null;
    }
}
