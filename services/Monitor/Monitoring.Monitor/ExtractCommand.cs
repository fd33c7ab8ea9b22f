using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Ingest.Extraction;

namespace Monitoring.Monitor;

/// <summary>
/// <c>monitor extract PATH…</c>: what the system reads from a page or a text file, as one JSON object per input and line.
/// Analysts use it to see the extracted article; the evaluation (<c>tests/extraction-eval.sh</c>) uses it to score extraction.
/// </summary>
public static class ExtractCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "HTML or plain-text files to extract; - reads standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var source = new Option<string?>("--source")
        {
            Description = "The inputs all come from this source: lines recurring across several of them are its template and are dropped",
        };
        var baseline = new Option<bool>("--baseline")
        {
            Description = "Print what unmodified SmartReader extracts, for comparison in the evaluation",
        };

        var command = new Command("extract", "Extract title, byline, date, canonical URL, language and main text from HTML or text files, one JSON object per line")
        {
            paths, source, baseline,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new ExtractOptions(parse.GetValue(paths)!, parse.GetValue(source), parse.GetValue(baseline)),
            Console.In, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(ExtractOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var inputs = new List<(string Path, string Content)>();
        var exitCode = 0;
        foreach (var path in options.Paths)
        {
            try
            {
                var content = path == "-"
                    ? await stdin.ReadToEndAsync(cancellationToken)
                    : await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken);
                inputs.Add((path, content));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"monitor extract: cannot read {path}: {Describe(exception)}");
                exitCode = 1;
            }
        }

        // Inputs are independent pages unless they are declared to come from one source.
        var extractor = new ArticleExtractor(options.Source is null ? null : new SourceBoilerplate());
        var submissions = inputs.Select(input => Submission(input.Content, options.Source)).ToList();

        // Every input is seen before any is extracted, so that a line recurring across the given files of one
        // source is recognised as its template in all of them, the first included.
        foreach (var submission in submissions)
        {
            extractor.Learn(submission);
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var article = options.Baseline && submissions[i].Html is { } html
                ? SmartReaderBaseline.Extract(html)
                : extractor.Extract(submissions[i]);
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new ExtractOutput(
                inputs[i].Path, article.Title, article.Byline, article.PublishedAt, article.CanonicalUrl, article.Language, article.Method, article.Text), Json));
        }

        return exitCode;
    }

    private static ArticleSubmission Submission(string content, string? source) =>
        LooksLikeHtml(content)
            ? new ArticleSubmission { Html = content, Source = source }
            : new ArticleSubmission { Text = content, Source = source };

    private static bool LooksLikeHtml(string content)
    {
        var start = content.AsSpan().TrimStart().TrimStart('\uFEFF');
        return start.StartsWith("<", StringComparison.Ordinal)
            && (start.Contains("<html", StringComparison.OrdinalIgnoreCase) || start.Contains("<body", StringComparison.OrdinalIgnoreCase)
                || start.Contains("<p", StringComparison.OrdinalIgnoreCase) || start.Contains("<div", StringComparison.OrdinalIgnoreCase));
    }

    private static string Describe(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => exception.Message,
    };

    private sealed record ExtractOutput(
        string Path, string? Title, string? Byline, DateTimeOffset? PublishedAt, string? CanonicalUrl, string Language, string Method, string Text);
}

public sealed record ExtractOptions(IReadOnlyList<string> Paths, string? Source = null, bool Baseline = false);
