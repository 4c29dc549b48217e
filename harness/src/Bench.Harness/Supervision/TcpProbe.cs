using System.Net.Sockets;

namespace Bench.Harness.Supervision;

/// <summary>Readiness by connecting: for children that print no ready line (mosquitto).</summary>
internal static class TcpProbe
{
    public static async Task WaitUntilAcceptingAsync(SupervisedProcess child, int port, TimeSpan deadline, CancellationToken cancellationToken, string host = "127.0.0.1")
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        while (true)
        {
            if (child.State == ProcessState.Exited)
            {
                throw new ChildExitedException(child.Spec.Name, await child.Exited.ConfigureAwait(false), child.Output.Snapshot());
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
                child.MarkReady();
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{child.Spec.Name} did not accept connections on port {port} within {deadline.TotalSeconds:0} s");
            }
        }
    }
}
