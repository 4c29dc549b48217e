namespace Bench.Backend.WebSockets;

/// <summary>The error frame of contract §5; <c>seq</c> is the frame's own when that was a valid integer.</summary>
internal sealed record SocketErrorFrame(string Type, string Error, long? Seq);
