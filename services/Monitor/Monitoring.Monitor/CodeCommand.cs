using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Classify;
using Monitoring.Classify.Coding;
using Monitoring.Classify.Places;

namespace Monitoring.Monitor;

/// <summary>
/// <c>monitor code --jsonl FILE</c>: CAMEO-codes many texts in one process, as the classify service does (classify, then
/// code the classification), and prints one line per input: <c>{"id": …, "events": [CodedEvent…]}</c>. Each input line
/// is <c>{"id": …, "text": …, "lang": …, "title": …}</c> (lang and title optional; <c>--lang</c> is the default
/// language). The event evaluation (<c>tests/events-eval.sh</c>) scores its output; analysts use it to code a batch.
/// </summary>
public static class CodeCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var jsonl = new Option<FileInfo>("--jsonl") { Description = "Texts to code, one JSON object per line: id, text, and optionally lang and title; - reads standard input", Required = true };
        var lang = new Option<string?>("--lang") { Description = "Language of inputs that name none (en, es, ar, …)" };
        var command = new Command("code", "CAMEO-code a batch of texts (JSON Lines in, one line of events per text out)") { jsonl, lang };
        command.SetAction((parse, _) => Task.FromResult(Run(parse.GetValue(jsonl)!, parse.GetValue(lang), Console.In, Console.Out, Console.Error)));
        return command;
    }

    public static int Run(FileInfo input, string? language, TextReader stdin, TextWriter output, TextWriter error)
    {
        if (input.Name != "-" && !input.Exists)
        {
            error.WriteLine($"monitor code: {input.FullName}: no such file");
            return 1;
        }

        var actors = ClassifyCommand.LoadActors(null);
        var classifier = new ArticleClassifier(ClassifyCommand.LoadTaxonomy(null), actors);
        var coder = ClassifyCommand.LoadCoder(actors);
        var places = new PlaceRecognizer(PlaceGazetteer.Load(DataFiles.Resolve(DataFiles.Places), DataFiles.Resolve(DataFiles.CountryNames), DataFiles.Resolve(DataFiles.NotPlaces)));
        using var reader = input.Name == "-" ? stdin : input.OpenText();
        var lineNumber = 0;
        var failed = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            Input? item;
            try
            {
                item = JsonSerializer.Deserialize<Input>(line, Json);
            }
            catch (JsonException exception)
            {
                item = null;
                error.WriteLine($"monitor code: line {lineNumber}: not a JSON object ({exception.Message})");
            }

            if (item is null || item.Text is null)
            {
                if (item is not null) error.WriteLine($"monitor code: line {lineNumber}: no \"text\"");
                failed = true;
                continue;
            }

            var classification = classifier.Classify(item.Title, item.Text);
            var placeNames = places.Recognize(classification, item.Lang ?? language);
            var events = places.Locate(coder.Code(classification, item.Lang ?? language, placeNames), placeNames, classification);
            output.WriteLine(JsonSerializer.Serialize(
                new Output(item.Id ?? lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), events, PlaceRecognizer.ArticlePlaces(placeNames)), Json));
        }

        return failed ? 1 : 0;
    }

    private sealed record Input(string? Id, string? Text, string? Lang, string? Title);

    private sealed record Output(string Id, IReadOnlyList<Monitoring.Contracts.CodedEvent> Events, IReadOnlyList<Monitoring.Contracts.GeoPlace> Places);
}
