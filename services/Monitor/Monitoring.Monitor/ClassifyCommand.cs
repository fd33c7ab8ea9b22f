using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Classify;
using Monitoring.Classify.Actors;
using Monitoring.Classify.Coding;
using Monitoring.Classify.Taxonomy;
using Monitoring.Contracts;

namespace Monitoring.Monitor;

/// <summary>
/// <c>monitor classify PATH…</c>: classifies files (or stdin for <c>-</c>) with the shipped or a given taxonomy and prints,
/// per input, JSON with the topics (id, score, evidence), entities (type, name, code, mentions) and CAMEO events
/// (source, target, code, sentence and offsets). Analysts use it to
/// try rules before they deploy them. A missing file is reported and skipped; the exit code is then 1.
/// </summary>
public static class ClassifyCommand
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new(Indented) { WriteIndented = false };

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Text files to classify; - reads standard input", Arity = ArgumentArity.OneOrMore };
        var taxonomy = new Option<FileInfo?>("--taxonomy") { Description = $"Taxonomy to use instead of the shipped {DataFiles.Taxonomy} (to test rules)" };
        var actors = new Option<FileInfo?>("--actors") { Description = $"Actor dictionary instead of the shipped {DataFiles.Actors}" };
        var compact = new Option<bool>("--compact") { Description = "One JSON object per line instead of indented JSON" };

        var command = new Command("classify", "Print the topics (with evidence) and entities (with mentions) of each input as JSON")
        {
            paths, taxonomy, actors, compact,
        };
        command.SetAction((parse, _) => Task.FromResult(Run(
            parse.GetValue(paths)!, parse.GetValue(taxonomy), parse.GetValue(actors), parse.GetValue(compact), Console.In, Console.Out, Console.Error)));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, FileInfo? taxonomy, FileInfo? actors, bool compact, TextReader stdin, TextWriter output, TextWriter error)
    {
        ArticleClassifier classifier;
        EventCoder coder;
        try
        {
            var recognizer = LoadActors(actors);
            classifier = new ArticleClassifier(LoadTaxonomy(taxonomy), recognizer);
            coder = LoadCoder(recognizer);
        }
        catch (Exception exception) when (exception is TaxonomyException or IOException or JsonException or InvalidDataException)
        {
            error.WriteLine($"monitor classify: {exception.Message}");
            return 2;
        }

        var failed = false;
        foreach (var path in paths)
        {
            string text;
            try
            {
                text = path == "-" ? stdin.ReadToEnd() : File.ReadAllText(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error.WriteLine(exception is FileNotFoundException or DirectoryNotFoundException
                    ? $"monitor classify: {path}: no such file"
                    : $"monitor classify: {path}: {exception.Message}");
                failed = true;
                continue;
            }

            var (title, body) = SplitTitle(text);
            var classification = classifier.Classify(title, body);
            output.WriteLine(JsonSerializer.Serialize(Result(path, classification, coder.Code(classification)), compact ? Compact : Indented));
        }

        return failed ? 1 : 0;
    }

    /// <summary>A first line followed by a blank line is the title, as ingest stores it and the evaluation files write it.</summary>
    public static (string? Title, string Body) SplitTitle(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        if (end <= 0 || end > 300) return (null, text);
        var rest = text.AsSpan(end + 1);
        var blank = rest.IndexOf('\n');
        if (blank < 0 || !rest[..blank].IsWhiteSpace()) return (null, text);
        return (text[..end].TrimEnd('\r'), text);
    }

    public static ArticleClassifier Load(FileInfo? taxonomy, FileInfo? actors) => new(LoadTaxonomy(taxonomy), LoadActors(actors));

    public static TopicTagger LoadTaxonomy(FileInfo? taxonomy) => TopicTagger.Load(taxonomy?.FullName ?? DataFiles.Resolve(DataFiles.Taxonomy));

    public static ActorRecognizer LoadActors(FileInfo? actors) => ActorRecognizer.Load(DataFiles.Resolve(DataFiles.Gazetteer), actors?.FullName ?? DataFiles.Resolve(DataFiles.Actors));

    /// <summary>The CAMEO coder over the same actors the classifier recognises, as the classify service composes it.</summary>
    public static EventCoder LoadCoder(ActorRecognizer actors) => new(
        CameoVerbDictionary.Load(DataFiles.Resolve(DataFiles.CameoVerbs), DataFiles.Resolve(DataFiles.CameoVerbsExtra)),
        CameoCodebook.Load(DataFiles.Resolve(DataFiles.CameoCodes)),
        new RecognizedActorFinder(actors),
        CodingLanguages.Load(DataFiles.Resolve(DataFiles.CodingLanguages)));

    private static ClassifyOutput Result(string input, Classification classification, IReadOnlyList<CodedEvent> events) => new(
        input,
        classification.Topics,
        ArticleEntities.From(classification.Actors),
        classification.Countries,
        events);

    private sealed record ClassifyOutput(
        string Input, IReadOnlyList<TopicScore> Topics, IReadOnlyList<ArticleEntity> Entities, IReadOnlyList<string> Countries, IReadOnlyList<CodedEvent> Events);
}
