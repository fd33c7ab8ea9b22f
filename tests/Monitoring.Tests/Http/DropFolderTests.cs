using Monitoring.Tests.Support;

namespace Monitoring.Tests.Http;

public sealed class DropFolderTests
{
    [Fact]
    public async Task Dropped_files_are_ingested_and_moved_aside_and_a_file_without_text_is_set_aside_with_the_reason()
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
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.md"), "ignored", TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(folder, "failed", "empty.txt.error.txt")) && log.Ingested.Count == 2, "the folder is processed");

        Assert.Equal(["page.html", "sample.txt"], Directory.GetFiles(Path.Combine(folder, "processed")).Select(Path.GetFileName).Order());
        Assert.Contains("no main text", await File.ReadAllTextAsync(Path.Combine(folder, "failed", "empty.txt.error.txt"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "notes.md")));
        Assert.Contains(log.Ingested, a => a.Text.StartsWith(SampleArticle.FirstParagraph, StringComparison.Ordinal));
    }
}
