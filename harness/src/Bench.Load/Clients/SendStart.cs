namespace Bench.Load.Clients;

/// <summary>What became of a request to send: only <see cref="Started"/> and <see cref="Late"/> sends get an outcome.</summary>
public enum SendStart
{
    /// <summary>The send left on time.</summary>
    Started,

    /// <summary>The send left, but behind a bound (all pooled connections busy): it waits, counted late.</summary>
    Late,

    /// <summary>The device already has as many sends in flight as it may hold; nothing was sent.</summary>
    Busy,

    /// <summary>The device has no open connection; nothing was sent.</summary>
    Disconnected,
}
