using System.Text.Json;
using Monitoring.Monitor;

namespace Monitoring.Monitor.Tests.Commands;

/// <summary><c>monitor extract PATH…</c>, called in-process with its own reader and writers.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("monitor-extract-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int ExitCode, List<JsonElement> Objects, string Errors)> RunAsync(ExtractOptions options, string stdin = "")
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exitCode = await ExtractCommand.RunAsync(options, new StringReader(stdin), output, errors, TestContext.Current.CancellationToken);
        var objects = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        return (exitCode, objects, errors.ToString());
    }

    [Fact]
    public async Task Prints_one_json_object_per_input_with_the_extracted_fields()
    {
        var html = Write("accord.html", """
            <html lang="en"><head><meta property="og:title" content="Ministers sign the border accord">
            <meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-05-16T08:30:00Z">
            <link rel="canonical" href="https://news.example/accord"></head>
            <body><article><h1>Ministers sign the border accord</h1>
            <p>The foreign ministers of both countries signed the accord on Thursday in the presence of observers.</p>
            <p>It settles a border dispute that has lasted four decades and cost hundreds of lives.</p></article></body></html>
            """);

        var (exitCode, objects, errors) = await RunAsync(new ExtractOptions([html, SampleArticle.Path]));

        Assert.Equal(0, exitCode);
        Assert.Empty(errors);
        Assert.Equal(2, objects.Count);
        var page = objects[0];
        Assert.Equal(html, page.GetProperty("path").GetString());
        Assert.Equal("Ministers sign the border accord", page.GetProperty("title").GetString());
        Assert.Equal("Jane Doe", page.GetProperty("byline").GetString());
        Assert.Equal("https://news.example/accord", page.GetProperty("canonicalUrl").GetString());
        Assert.Equal(new DateTimeOffset(2024, 5, 16, 8, 30, 0, TimeSpan.Zero), page.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal("en", page.GetProperty("language").GetString());
        Assert.StartsWith("The foreign ministers", page.GetProperty("text").GetString(), StringComparison.Ordinal);

        var sample = objects[1];
        Assert.StartsWith(SampleArticle.FirstParagraph, sample.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, sample.GetProperty("publishedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, sample.GetProperty("canonicalUrl").ValueKind);
    }

    [Fact]
    public async Task A_missing_file_is_named_on_stderr_exits_non_zero_and_the_other_inputs_are_still_printed()
    {
        var missing = Path.Combine(_folder.FullName, "no-such-article.html");
        var text = Write("story.txt", "Negotiators resumed talks in Geneva on Monday after a two-month pause.");

        var (exitCode, objects, errors) = await RunAsync(new ExtractOptions([missing, text, "-"]), stdin: "Der Innenminister kündigte am Dienstag an, die Zusammenarbeit mit den Nachbarländern zu verstärken.");

        Assert.Equal(1, exitCode);
        Assert.Contains($"cannot read {missing}: no such file", errors, StringComparison.Ordinal);
        Assert.Equal([text, "-"], objects.Select(o => o.GetProperty("path").GetString()));
        Assert.Equal("de", objects[1].GetProperty("language").GetString());
    }

    [Fact]
    public async Task With_a_source_the_lines_its_files_share_are_dropped_from_every_one_of_them()
    {
        string[] stories =
        [
            "The foreign ministers of Armenia and Azerbaijan met in Almaty on Friday.",
            "Finland's border guard closed two more crossing points on Saturday.",
            "The African Union suspended Niger's membership on Sunday.",
        ];
        var paths = stories.Select((story, i) => Write($"{i}.txt", $"Download our app for breaking news\n{story}\nFollow us on Telegram @wire")).ToList();

        var independent = await RunAsync(new ExtractOptions(paths));
        var learnt = await RunAsync(new ExtractOptions(paths, Source: "wire"));

        Assert.All(independent.Objects, o => Assert.Contains("Download our app", o.GetProperty("text").GetString(), StringComparison.Ordinal));
        Assert.Equal(stories, learnt.Objects.Select(o => o.GetProperty("text").GetString()));
    }

    [Fact]
    public void The_command_is_registered_with_its_arguments()
    {
        var command = ExtractCommand.Create();

        Assert.Equal("extract", command.Name);
        Assert.Empty(command.Parse(["a.html", "-", "--source", "cgtn"]).Errors);
        Assert.NotEmpty(command.Parse([]).Errors);
    }
}
