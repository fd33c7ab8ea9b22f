using System.Net;
using Microsoft.Data.Sqlite;

namespace Monitoring.Monitor.Tests.Recovery;

/// <summary>Readiness means the store can be written: another process holding SQLite's write lock makes the service unready until it lets go.</summary>
public sealed class StoreReadinessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readiness_is_503_while_another_writer_holds_the_store_and_200_once_it_lets_go()
    {
        var settings = TestSettings.InMemory("locked");
        await using var ingest = await ServiceHost.IngestAsync(settings);
        Assert.Equal(HttpStatusCode.OK, (await ingest.Http.GetAsync("/health/ready", Ct)).StatusCode);

        await using (var locker = new SqliteConnection($"Data Source={settings["Storage:Sqlite:Path"]};Pooling=False"))
        {
            await locker.OpenAsync(Ct);
            await using var command = locker.CreateCommand();
            command.CommandText = "BEGIN EXCLUSIVE";
            await command.ExecuteNonQueryAsync(Ct);

            using var locked = await ingest.Http.GetAsync("/health/ready", Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ingest.Http.GetAsync("/health/live", Ct)).StatusCode);

            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync(Ct);
        }

        Assert.Equal(HttpStatusCode.OK, (await ingest.Http.GetAsync("/health/ready", Ct)).StatusCode);
    }
}
