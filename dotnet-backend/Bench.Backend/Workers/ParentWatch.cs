namespace Bench.Backend.Workers;

/// <summary>
/// Stops a worker whose supervisor is gone. The supervisor holds the write end of each worker's stdin; the kernel
/// closes it when the supervisor exits for any reason, SIGKILL included, so end-of-file on stdin means "orphaned".
/// </summary>
internal static class ParentWatch
{
    public static void StopWhenParentExits(IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        // A dedicated thread: reading a pipe blocks, and it would otherwise hold a thread-pool thread for the whole run.
        var thread = new Thread(() => WaitForEndOfInput(lifetime)) { IsBackground = true, Name = "parent watch" };
        thread.Start();
    }

    private static void WaitForEndOfInput(IHostApplicationLifetime lifetime)
    {
        using var input = Console.OpenStandardInput();
        var buffer = new byte[64];
        while (input.Read(buffer) > 0)
        {
            // The supervisor never writes; anything that arrives is ignored.
        }
        lifetime.StopApplication();
    }
}
