namespace Bench.Load.Clients;

/// <summary>What a backend reply says about a send.</summary>
public enum AckKind
{
    /// <summary>The reading was accepted.</summary>
    Ack,

    /// <summary>The reading was refused.</summary>
    Error,

    /// <summary>The reply does not follow the contract.</summary>
    Malformed,
}
