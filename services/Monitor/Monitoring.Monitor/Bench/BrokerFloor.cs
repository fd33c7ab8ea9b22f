using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Monitoring.Monitor.Bench;

/// <summary>What one pass of the floor measured: messages through all three hops per second, and publish-to-last-consume latency.</summary>
public sealed record FloorPass(int Messages, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double Rate => Messages / Elapsed.TotalSeconds;
}

/// <summary>
/// The floor of a run: the best of several measured passes after a discarded warm-up pass, so that neither the JIT of a
/// first pass nor one pass slowed by a neighbour lowers it (a low floor would flatter the pipeline's ratio).
/// </summary>
public sealed record FloorResult(FloorPass Best, IReadOnlyList<FloorPass> Passes, FloorPass? Warmup = null)
{
    public double Rate => Best.Rate;
}

/// <summary>
/// The floor the pipeline is compared with: the same payloads through three hops of plain RabbitMQ.Client, quorum queues
/// as the services use, each hop consuming with the same prefetch and concurrency and publishing onward with publisher
/// confirms before it acks, as MassTransit does. No deserialisation, no work, no store: what the broker and the client cost.
/// </summary>
public static class BrokerFloor
{
    private const string IndexHeader = "bench-index";

    /// <summary>One warm-up pass of at most <paramref name="warmupMessages"/> payloads, then <paramref name="passes"/> measured passes of them all.</summary>
    public static async Task<FloorResult> MeasureBestAsync(BrokerAddress broker, IReadOnlyList<byte[]> payloads, ushort prefetch, int concurrency, int passes, int warmupMessages, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var warmup = warmupMessages > 0
            ? await MeasureAsync(broker, payloads.Take(warmupMessages).ToList(), prefetch, concurrency, timeout, cancellationToken)
            : null;

        var measured = new List<FloorPass>(passes);
        for (var pass = 0; pass < Math.Max(1, passes); pass++)
        {
            measured.Add(await MeasureAsync(broker, payloads, prefetch, concurrency, timeout, cancellationToken));
        }

        return new FloorResult(measured.MaxBy(p => p.Rate)!, measured, warmup);
    }

    public static async Task<FloorPass> MeasureAsync(BrokerAddress broker, IReadOnlyList<byte[]> payloads, ushort prefetch, int concurrency, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var factory = broker.Factory();
        factory.ConsumerDispatchConcurrency = (ushort)Math.Max(1, concurrency);
        await using var connection = await factory.CreateConnectionAsync("monitor-bench-floor", cancellationToken);
        var prefix = "bench-floor-" + Guid.NewGuid().ToString("N")[..8];
        var queues = Enumerable.Range(1, 3).Select(i => $"{prefix}-{i}").ToArray();
        var confirms = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        await using (var setup = await connection.CreateChannelAsync(cancellationToken: cancellationToken))
        {
            foreach (var queue in queues)
            {
                await setup.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
            }
        }

        var sent = new long[payloads.Count];
        var received = new ConcurrentDictionary<int, long>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var channels = new List<IChannel>();
        try
        {
            for (var hop = 0; hop < 3; hop++)
            {
                var channel = await connection.CreateChannelAsync(confirms, cancellationToken);
                channels.Add(channel);
                await channel.BasicQosAsync(0, prefetch, false, cancellationToken);
                var next = hop < 2 ? queues[hop + 1] : null;
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += async (_, delivery) =>
                {
                    if (next is not null)
                    {
                        var properties = new BasicProperties { Persistent = true, Headers = delivery.BasicProperties.Headers };
                        await channel.BasicPublishAsync("", next, mandatory: false, properties, delivery.Body, cancellationToken);
                    }
                    else if (delivery.BasicProperties.Headers?[IndexHeader] is int index && received.TryAdd(index, Stopwatch.GetTimestamp()) && received.Count == payloads.Count)
                    {
                        done.TrySetResult();
                    }

                    await channel.BasicAckAsync(delivery.DeliveryTag, false, cancellationToken);
                };
                await channel.BasicConsumeAsync(queues[hop], autoAck: false, consumer, cancellationToken);
            }

            var start = Stopwatch.GetTimestamp();
            await using (var publisher = await connection.CreateChannelAsync(confirms, cancellationToken))
            {
                // As the bench's HTTP posters: a bounded number of publishes awaiting their confirm at once.
                using var window = new SemaphoreSlim(Math.Max(1, concurrency) * 4);
                var inFlight = new List<Task>(payloads.Count);
                for (var i = 0; i < payloads.Count; i++)
                {
                    await window.WaitAsync(cancellationToken);
                    var index = i;
                    sent[index] = Stopwatch.GetTimestamp();
                    inFlight.Add(PublishAsync(publisher, queues[0], index, payloads[index], window, cancellationToken));
                }

                await Task.WhenAll(inFlight);
            }

            await done.Task.WaitAsync(timeout, cancellationToken);
            var end = received.Values.Max();
            var latencies = received.Select(r => Stopwatch.GetElapsedTime(sent[r.Key], r.Value).TotalMilliseconds).Order().ToArray();
            return new FloorPass(payloads.Count, Stopwatch.GetElapsedTime(start, end), latencies);
        }
        finally
        {
            foreach (var channel in channels) await channel.DisposeAsync();
            await using var cleanup = await connection.CreateChannelAsync(cancellationToken: CancellationToken.None);
            foreach (var queue in queues) await cleanup.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: CancellationToken.None);
        }
    }

    private static async Task PublishAsync(IChannel channel, string queue, int index, byte[] payload, SemaphoreSlim window, CancellationToken cancellationToken)
    {
        try
        {
            var properties = new BasicProperties { Persistent = true, Headers = new Dictionary<string, object?> { [IndexHeader] = index }, ContentType = "application/json" };
            await channel.BasicPublishAsync("", queue, mandatory: false, properties, payload, cancellationToken);
        }
        finally
        {
            window.Release();
        }
    }

    public static string Describe(FloorResult floor)
    {
        var best = floor.Best;
        var rates = floor.Passes.Select(p => p.Rate).Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"{best.Rate:0} msg/s through 3 hops, best of {rates.Length} passes after a warm-up (passes {string.Join(", ", floor.Passes.Select(p => p.Rate.ToString("0", CultureInfo.InvariantCulture)))} msg/s: spread {rates[0]:0}–{rates[^1]:0}, median {rates[rates.Length / 2]:0}{(floor.Warmup is { } warmup ? $"; the warm-up pass, not counted: {warmup.Rate:0}" : "")}); best pass {best.Messages} in {best.Elapsed.TotalSeconds:0.0} s, p50 {StageClock.Percentile(best.LatenciesMs, 50):0.0} ms, p99 {StageClock.Percentile(best.LatenciesMs, 99):0.0} ms");
    }
}
