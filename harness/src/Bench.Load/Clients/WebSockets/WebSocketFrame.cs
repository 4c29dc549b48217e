namespace Bench.Load.Clients.WebSockets;

/// <summary>One whole server frame as read from the receive buffer: its payload points into that buffer and is valid
/// only until the buffer is read into again.</summary>
internal readonly ref struct WebSocketFrame(bool isFinal, WebSocketOpcode opcode, ReadOnlySpan<byte> payload, int totalLength)
{
    /// <summary>The FIN bit: the last frame of its message.</summary>
    public bool IsFinal { get; } = isFinal;

    public WebSocketOpcode Opcode { get; } = opcode;

    public ReadOnlySpan<byte> Payload { get; } = payload;

    /// <summary>Header and payload: how many buffer bytes the frame takes.</summary>
    public int TotalLength { get; } = totalLength;

    public bool IsControl => Opcode >= WebSocketOpcode.Close;
}
