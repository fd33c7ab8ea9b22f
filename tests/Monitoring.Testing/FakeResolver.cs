using System.Net;
using System.Net.Sockets;
using Monitoring.ServiceDefaults.Safety;

namespace Monitoring.Testing;

/// <summary>
/// Name resolution without DNS: each name answers from a script (the last answer repeats), so a test can make a
/// name resolve to a private address, or to a public one for the check and a private one for the connection.
/// </summary>
public sealed class FakeResolver : IHostResolver
{
    private readonly Dictionary<string, Queue<IPAddress[]>> _answers = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Lookups { get; } = [];

    public FakeResolver Answer(string host, params string[][] answers)
    {
        _answers[host] = new Queue<IPAddress[]>(answers.Select(a => a.Select(IPAddress.Parse).ToArray()));
        return this;
    }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        lock (Lookups) Lookups.Add(host);
        if (!_answers.TryGetValue(host, out var queue)) throw new SocketException((int)SocketError.HostNotFound);
        lock (queue) return Task.FromResult(queue.Count > 1 ? queue.Dequeue() : queue.Peek());
    }
}
