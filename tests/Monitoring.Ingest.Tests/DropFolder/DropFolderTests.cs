
namespace Monitoring.Ingest.Tests.DropFolder;

public sealed class DropFolderTests
{
    [Fact]
    public async Task Dropped_files_are_ingested_and_what_is_not_an_article_is_rejected_with_the_reason()
    {
        var folder = Directory.CreateTempSubdirectory("monitoring-drop-").FullName;
        var log = new MessageLog();
        var settings = TestSettings.InMemory("drop");
        settings["Ingest:DropFolder"] = folder;
        settings["Ingest:DropFolderPollInterval"] = "00:00:00.200";
        await using var ingest = await ServiceHost.IngestAsync(settings, builder => builder.AddRecorders(log));

        await File.WriteAllTextAsync(Path.Combine(folder, "sample.txt"), SampleArticle.Text, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "page.html"), "<html><body><p>The summit opened in Astana on Monday.</p></body></html>", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "empty.txt"), "SITEMAP\nSITEMAP\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.md"), "not a kind of file the folder takes", TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(folder, "scan.txt"), [0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0xFF, 0xFE, 0, 0, 0x89, 0, 0, 7], TestContext.Current.CancellationToken);

        string Reason(string file) => File.ReadAllText(Path.Combine(folder, "rejected", file + ".reason.txt"));
        await Eventually.HoldsAsync(() => Directory.Exists(Path.Combine(folder, "rejected")) && Directory.GetFiles(Path.Combine(folder, "rejected")).Length == 6 && log.Ingested.Count == 2, "the folder is processed");

        Assert.Equal(["page.html", "sample.txt"], Directory.GetFiles(Path.Combine(folder, "processed")).Select(Path.GetFileName).Order());
        Assert.Contains("no main text", Reason("empty.txt"), StringComparison.Ordinal);
        Assert.Contains("neither text nor HTML", Reason("notes.md"), StringComparison.Ordinal);
        Assert.Contains("binary data", Reason("scan.txt"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "failed")));
        Assert.Contains(log.Ingested, a => a.Text.StartsWith(SampleArticle.FirstParagraph, StringComparison.Ordinal));
    }
}
