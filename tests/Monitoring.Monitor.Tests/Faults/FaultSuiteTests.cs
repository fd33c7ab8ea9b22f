using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Monitoring.ServiceDefaults.Faults;

namespace Monitoring.Monitor.Tests.Faults;

/// <summary>
/// The fault suite: the three services as separate processes on the real broker, one fault per test, each followed by
/// the history check (<see cref="History"/>): every accepted article stored, classified, alerted and delivered, no alert
/// twice, and no delivery twice except the one a killed alert service had sent but not yet recorded (at-least-once,
/// same <c>X-Monitoring-Alert-Id</c>). Connection faults cut the services' own connections through a relay; faults of
/// the broker itself (restart, kill -9) are in <see cref="BrokerFaultTests"/>, on a node of their own.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Category", "Faults")]
public sealed class FaultSuiteTests(Pipeline pipeline) : FaultScenario(pipeline), IClassFixture<Pipeline>
{

    [Fact(Timeout = Timeout)]
    public async Task Ingest_killed_between_storing_an_article_and_publishing_it_loses_nothing()
    {
        var (articles, subscription) = await ScenarioAsync("faultingeststored", 20);
        await RestartAsync(Pipeline.Ingest, $"{FailPoints.IngestStored}:6");

        var posting = PostAsync(articles);
        Assert.True(await Pipeline.Ingest.WaitForExitAsync(TimeSpan.FromSeconds(90)), "the fail point killed ingest after its sixth article\n" + Pipeline.Logs());
        await Pipeline.Ingest.StartAsync();

        await AssertHistoryAsync(articles, subscription, await posting);
    }

    [Fact(Timeout = Timeout)]
    public async Task Classify_killed_between_storing_and_acking_loses_nothing()
    {
        var (articles, subscription) = await ScenarioAsync("faultclassifystored", 20);
        await RestartAsync(Pipeline.Classify, $"{FailPoints.ClassifyStored}:6");

        var posting = PostAsync(articles);
        Assert.True(await Pipeline.Classify.WaitForExitAsync(TimeSpan.FromSeconds(90)), "the fail point killed classify\n" + Pipeline.Logs());
        await Pipeline.Classify.StartAsync();

        await AssertHistoryAsync(articles, subscription, await posting);
    }

    [Fact(Timeout = Timeout)]
    public async Task Alert_killed_between_storing_alerts_and_publishing_them_loses_nothing()
    {
        var (articles, subscription) = await ScenarioAsync("faultalertstored", 20);
        await RestartAsync(Pipeline.Alert, $"{FailPoints.AlertStored}:6");

        var posting = PostAsync(articles);
        Assert.True(await Pipeline.Alert.WaitForExitAsync(TimeSpan.FromSeconds(90)), "the fail point killed alert\n" + Pipeline.Logs());
        await Pipeline.Alert.StartAsync();

        await AssertHistoryAsync(articles, subscription, await posting);
    }

    [Fact(Timeout = Timeout)]
    public async Task Alert_killed_after_a_webhook_answered_and_before_it_was_recorded_delivers_it_again_with_the_same_id()
    {
        var (articles, subscription) = await ScenarioAsync("faultalertsent", 20);
        await RestartAsync(Pipeline.Alert, $"{FailPoints.AlertSent}:6");

        var posting = PostAsync(articles, parallel: 2);
        Assert.True(await Pipeline.Alert.WaitForExitAsync(TimeSpan.FromSeconds(90)), "the fail point killed alert\n" + Pipeline.Logs());
        await Pipeline.Alert.StartAsync();

        // The sixth webhook reached the receiver, then the process died, with the other deliveries in flight sent too: they
        // come again (at-least-once), under the same alert id, once the sweeper finds the dead attempts' leases expired.
        var history = await AssertHistoryAsync(articles, subscription, await posting, allowedRepeats: DeliveriesInFlight);
        Assert.True(history.RepeatedDeliveries >= 1, $"the delivery the dead process had sent is made again\n{history}");
    }

    [Fact(Timeout = Timeout)]
    public async Task Each_service_killed_at_a_random_moment_under_load_loses_nothing()
    {
        var (articles, subscription) = await ScenarioAsync("faultrandomkills", 36);
        var random = new Random(36);

        var posting = PostAsync(articles, parallel: 6);
        foreach (var service in new[] { Pipeline.Classify, Pipeline.Alert, Pipeline.Ingest })
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 2500)), Ct);
            await service.KillAsync();
            await service.StartAsync();
        }

        // Only the killed alert service's sends in flight may come twice: at most its concurrent deliveries.
        await AssertHistoryAsync(articles, subscription, await posting, allowedRepeats: DeliveriesInFlight);
    }

    [Fact(Timeout = Timeout)]
    public async Task Broker_connections_cut_for_a_while_answer_503_meanwhile_and_lose_nothing()
    {
        var (articles, subscription) = await ScenarioAsync("faultbrokercut", 30);
        var started = 0;
        Task restored = Task.CompletedTask;

        // From the tenth post on, the broker is away for 10 s: posts in flight are taken (stored with their announcement,
        // the publish gives up after its timeout), later ones are refused with 503 + Retry-After until it is back.
        var posted = await PostAsync(articles, parallel: 3, beforeEach: index =>
        {
            if (Interlocked.Increment(ref started) == 10)
            {
                Pipeline.CutBroker();
                restored = Task.Delay(TimeSpan.FromSeconds(10), Ct).ContinueWith(_ => Pipeline.RestoreBroker(), Ct, TaskContinuationOptions.None, TaskScheduler.Default);
            }

            return Task.CompletedTask;
        });
        await restored;

        Assert.Contains(posted.Refusals, r => r.StartsWith("503 Retry-After", StringComparison.Ordinal));
        await AssertHistoryAsync(articles, subscription, posted);
    }

    [Fact(Timeout = Timeout)]
    public async Task Poison_messages_end_in_the_error_queue_while_the_good_articles_flow()
    {
        var (articles, subscription) = await ScenarioAsync("faultpoison", 16);
        var poison = await PoisonMessages.PublishAsync(Pipeline.BrokerEndpoint);

        var posted = await PostAsync(articles);

        await AssertHistoryAsync(articles, subscription, posted);
        var faults = await ErrorQueue.ReadAsync(Pipeline.BrokerEndpoint, "classify-article_error", poison);
        Assert.Equal(poison.Count, faults.Count);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_store_locked_by_another_process_delays_classification_and_loses_nothing()
    {
        var (articles, subscription) = await ScenarioAsync("faultlockedstore", 20);
        await using var locker = new SqliteConnection($"Data Source={Pipeline.StorePath(Pipeline.Classify)};Pooling=False");
        await locker.OpenAsync(Ct);
        await using var command = locker.CreateCommand();

        var posting = PostAsync(articles, parallel: 3, beforeEach: async index =>
        {
            if (index != 6) return;
            command.CommandText = "BEGIN EXCLUSIVE";
            await command.ExecuteNonQueryAsync(Ct);
            await Task.Delay(TimeSpan.FromSeconds(10), Ct);
            command.CommandText = "COMMIT";
            await command.ExecuteNonQueryAsync(Ct);
        });

        await AssertHistoryAsync(articles, subscription, await posting);
    }

    [Fact(Timeout = Timeout)]
    public async Task SIGTERM_under_load_stops_each_consumer_cleanly_and_loses_or_repeats_nothing()
    {
        var (articles, subscription) = await ScenarioAsync("faultsigterm", 30);
        var stopped = new List<(string Service, TimeSpan Took, int? ExitCode)>();

        var posting = PostAsync(articles, parallel: 4);
        foreach (var service in new[] { Pipeline.Classify, Pipeline.Alert })
        {
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            var took = await service.TerminateAsync(TimeSpan.FromSeconds(40));
            stopped.Add((service.Name, took, service.ExitCode));
            await service.StartAsync();
        }

        await AssertHistoryAsync(articles, subscription, await posting);
        Assert.All(stopped, s => Assert.True(s.ExitCode == 0, $"{s.Service} exited with {s.ExitCode} after SIGTERM ({s.Took.TotalSeconds:0.0} s)"));
        Assert.All(stopped, s => Assert.True(s.Took < TimeSpan.FromSeconds(35), $"{s.Service} took {s.Took.TotalSeconds:0.0} s to stop"));
    }

}
