using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults.Messaging.Outbox;
using Monitoring.Storage.Outbox;

namespace Monitoring.Shared.Tests.Messaging;

/// <summary>An outbox publish is bounded by its timeout even when the bus does not honour the token.</summary>
public sealed class OutboxPublishTests
{
    [Fact]
    public async Task A_publish_that_ignores_its_token_gives_up_at_the_timeout_and_the_next_attempt_publishes()
    {
        using var outbox = new Outbox("test_outbox", new EmptyStore());
        var message = OutboxMessage.For(new ArticleIngested { ArticleId = "a1", StoryId = "s1", ContentHash = "h1", Language = "en", IngestedAt = DateTimeOffset.UnixEpoch, Text = "Text." }, DateTimeOffset.UtcNow);
        var publisher = Publisher.Create(hangs: true);

        // The outer wait only keeps a regression from hanging the run; the publish itself gives up after 200 ms.
        var first = await outbox.TryPublishAsync(publisher, message, TimeSpan.FromMilliseconds(200), NullLogger.Instance, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.False(first);

        // The claim was released with the failure: a later attempt (the dispatcher's) really publishes.
        var answering = Publisher.Create(hangs: false);
        Assert.True(await outbox.TryPublishAsync(answering, message, TimeSpan.FromSeconds(5), NullLogger.Instance, TestContext.Current.CancellationToken));
        Assert.Equal(1, ((Publisher)(object)answering).Published);
    }

    /// <summary>An <see cref="IPublishEndpoint"/> whose publishes never complete and never look at their token, or complete at once.</summary>
    public class Publisher : DispatchProxy
    {
        private bool _hangs;

        public int Published { get; private set; }

        public static IPublishEndpoint Create(bool hangs)
        {
            var proxy = DispatchProxy.Create<IPublishEndpoint, Publisher>();
            ((Publisher)(object)proxy)._hangs = hangs;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod is null || !targetMethod.Name.StartsWith("Publish", StringComparison.Ordinal)) throw new NotSupportedException(targetMethod?.Name);
            if (_hangs) return new TaskCompletionSource().Task;
            Published++;
            return Task.CompletedTask;
        }
    }

    private sealed class EmptyStore : IOutboxStore
    {
        public string Name => "test_outbox";

        public Task<IReadOnlyList<OutboxMessage>> PendingAsync(DateTimeOffset createdBefore, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<OutboxMessage>>([]);

        public Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult(0L);
    }
}
