using MassTransit;
using Microsoft.Extensions.Logging;

namespace Monitoring.ServiceDefaults.Messaging;

/// <summary>
/// A receive endpoint of this process alone that exists only while something holds it: the first
/// <see cref="AcquireAsync"/> connects it, the last lease's disposal stops it. Its queue (<c>{name}-{host}-{id}</c>, a new
/// one each time) is classic, non-durable and auto-deleted, so it disappears with its consumer and its deletion never
/// touches a quorum queue's machinery while others publish. For the live stream: without a listener, no message is
/// routed to this instance and none is consumed (every <c>AlertRaised</c> was, docs/benchmarks.md).
/// </summary>
public sealed class OnDemandEndpoint(string name, IReceiveEndpointConnector connector, ILogger<OnDemandEndpoint> logger) : IDisposable
{
    /// <summary>
    /// The longest a holder waits for the endpoint to consume (the broker may be away): past it, the holder goes on and
    /// the endpoint starts consuming when the broker answers.
    /// </summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private HostReceiveEndpointHandle? _endpoint;
    private int _holders;

    public string Name { get; } = name;

    /// <summary>The queue consumed now; null while nobody holds the endpoint.</summary>
    public string? QueueName { get; private set; }

    /// <summary>Connects the endpoint, configured by <paramref name="configure"/>, unless it is connected already; consuming once this returns.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(Action<IReceiveEndpointConfigurator> configure, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_endpoint is null)
            {
                var queue = $"{Name}-{Environment.MachineName.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}";
                _endpoint = connector.ConnectReceiveEndpoint(queue, (_, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    {
                        rabbit.Durable = false;
                        rabbit.AutoDelete = true;
                    }

                    configure(endpoint);
                });
                QueueName = queue;
                await Task.WhenAny(_endpoint.Ready, Task.Delay(ReadyTimeout, cancellationToken));
            }

            _holders++;
            return new Lease(this);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask ReleaseAsync()
    {
        try
        {
            await _gate.WaitAsync();
        }
        catch (ObjectDisposedException)
        {
            return; // the process is stopping: the bus stops the endpoint with itself
        }

        try
        {
            if (--_holders > 0 || _endpoint is not { } endpoint) return;
            _endpoint = null;
            QueueName = null;
            await endpoint.StopAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The queue is auto-deleted with its consumer anyway; a failed stop leaves nothing behind on the broker.
            logger.LogWarning(exception, "Stopping the on-demand endpoint {Endpoint} failed", Name);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The bus stops the endpoint with itself; only the gate is this class's.</summary>
    public void Dispose() => _gate.Dispose();

    private sealed class Lease(OnDemandEndpoint owner) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? owner.ReleaseAsync() : ValueTask.CompletedTask;
    }
}
