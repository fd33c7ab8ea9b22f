using System.Net;
using System.Net.Sockets;

namespace Monitoring.Testing;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a real server (the broker), so a test can cut a service off from it and let it
/// back in on the same port without touching the broker that other test runs share.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource _running = new();

    public TcpProxy(string targetHost, int targetPort)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(targetHost).First(a => a.AddressFamily == AddressFamily.InterNetwork), targetPort);
    }

    public int Port { get; private set; }

    public void Start()
    {
        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_listener, _running.Token);
    }

    /// <summary>Closes the listener and every relayed connection: to the service, the broker is gone.</summary>
    public void Stop()
    {
        _running.Cancel();
        _listener?.Stop();
        lock (_connections)
        {
            foreach (var connection in _connections) connection.Dispose();
            _connections.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_target, cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_connections)
            {
                _connections.Add(inbound);
                _connections.Add(outbound);
            }

            _ = RelayAsync(inbound, outbound, cancellationToken);
        }
    }

    private static async Task RelayAsync(TcpClient inbound, TcpClient outbound, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAny(
                inbound.GetStream().CopyToAsync(outbound.GetStream(), cancellationToken),
                outbound.GetStream().CopyToAsync(inbound.GetStream(), cancellationToken));
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _running.Dispose();
        return ValueTask.CompletedTask;
    }
}
