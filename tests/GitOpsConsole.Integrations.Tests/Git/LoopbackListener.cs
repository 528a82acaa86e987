using System.Net;
using System.Net.Sockets;

namespace GitOpsConsole.Integrations.Tests.Git;

/// <summary>
/// An <see cref="HttpListener"/> on a free loopback port. HttpListener cannot bind port 0, so a port
/// is probed first; another test may grab it in between, hence the retries.
/// </summary>
internal static class LoopbackListener
{
    public static (HttpListener Listener, int Port) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                ((IDisposable)listener).Dispose();
            }
        }
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
