using Monitoring.Ingest.Extraction;
using Monitoring.Ingest.Storage;

namespace Monitoring.Ingest.Tests.Storage;

/// <summary>What every <see cref="ITemplateStore"/> must do, whichever database is underneath.</summary>
public abstract class TemplateStoreContract
{
    protected abstract Task<ITemplateStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TemplateDocument Document(string source, ulong hash) => new(source, hash, [hash, ulong.MaxValue - hash, 42], Times.At((int)(hash % 50)));

    [Fact]
    public async Task Documents_read_back_per_source_oldest_first_and_a_document_is_stored_once()
    {
        var store = await CreateStoreAsync();

        await store.AddAsync(Document("a", 1), keep: 10, Ct);
        await store.AddAsync(Document("a", ulong.MaxValue - 3), keep: 10, Ct);
        await store.AddAsync(Document("a", 1), keep: 10, Ct);
        await store.AddAsync(Document("b", 2), keep: 10, Ct);

        var documents = await store.RecentAsync("a", 10, Ct);
        Assert.Equal([1UL, ulong.MaxValue - 3], documents.Select(d => d.DocumentHash));
        Assert.Equal(Document("a", 1).LineHashes, documents[0].LineHashes);
        Assert.Equal("a", documents[0].Source);
        Assert.Single(await store.RecentAsync("b", 10, Ct));
        Assert.Empty(await store.RecentAsync("c", 10, Ct));
    }

    [Fact]
    public async Task Only_the_newest_documents_of_a_source_are_kept()
    {
        var store = await CreateStoreAsync();

        for (ulong hash = 1; hash <= 5; hash++) await store.AddAsync(Document("a", hash), keep: 3, Ct);
        await store.AddAsync(Document("b", 9), keep: 3, Ct);

        Assert.Equal([3UL, 4UL, 5UL], (await store.RecentAsync("a", 10, Ct)).Select(d => d.DocumentHash));
        Assert.Equal([4UL, 5UL], (await store.RecentAsync("a", 2, Ct)).Select(d => d.DocumentHash));
        Assert.Single(await store.RecentAsync("b", 10, Ct));
    }

    [Fact]
    public async Task A_template_learnt_before_a_restart_is_known_after_it()
    {
        var store = await CreateStoreAsync();
        string[] template = ["Download our app for breaking news", "Follow us on Telegram"];
        var before = new SourceBoilerplate(minDocuments: 3) { RecordsNewDocuments = true };
        var templates = new SourceTemplates(before, store);
        foreach (var story in new[] { "The ministers met in the capital.", "Talks on the border resumed.", "Parliament ratified the accord." })
        {
            var submission = new ArticleSubmission { Source = "agency", Text = $"{story}\n{template[0]}\n{template[1]}" };
            await templates.RestoreAsync(submission, Ct);
            new ArticleExtractor(before).Extract(submission);
            await templates.SaveLearntAsync(Ct);
        }

        var after = new SourceBoilerplate(minDocuments: 3);
        await new SourceTemplates(after, store).RestoreAsync(new ArticleSubmission { Source = "agency", Text = "x" }, Ct);

        Assert.True(after.IsTemplate("agency", template[0]));
        Assert.True(after.IsTemplate("agency", template[1]));
        Assert.False(after.IsTemplate("agency", "Talks on the border resumed."));
        Assert.False(after.IsTemplate("other", template[0]));
    }
}

public sealed class SqliteTemplateStoreTests : TemplateStoreContract
{
    protected override async Task<ITemplateStore> CreateStoreAsync() => await StoreFactory.CreateSqliteAsync<SqliteTemplateStore>();
}

public sealed class MongoTemplateStoreTests(MongoServer mongo) : TemplateStoreContract
{
    protected override async Task<ITemplateStore> CreateStoreAsync() => await StoreFactory.CreateMongoAsync<MongoTemplateStore>(mongo);
}
