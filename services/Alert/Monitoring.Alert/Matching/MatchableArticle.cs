using Monitoring.Alert.Matching.Language;
using Monitoring.Contracts;

namespace Monitoring.Alert.Matching;

/// <summary>A person or organisation the article involves: matched by <c>actor:</c> on its name or its id.</summary>
public sealed record MatchableActor(string Name, string? Id = null);

/// <summary>
/// What the matcher sees of an article: every fact as an index key (<c>t:topic</c>, <c>c:RUS</c>, <c>w:word</c>, …) plus
/// topic scores and word positions for thresholds and phrases. Built once per article; every subscription is checked
/// against this view, never against the message, so new message fields reach matching through <see cref="From"/> alone.
/// </summary>
public sealed class MatchableArticle
{
    private readonly string[] _words;
    private readonly Dictionary<string, List<int>> _positions;

    public MatchableArticle(
        string? title,
        string text,
        IEnumerable<TopicScore> topics,
        IEnumerable<string> countries,
        string? source,
        string? language,
        IEnumerable<MatchableActor>? actors = null,
        IEnumerable<string>? eventCodes = null,
        IEnumerable<(double Latitude, double Longitude)>? places = null,
        IEnumerable<string>? signalKeys = null)
    {
        var topicScores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            var id = topic.Id.ToLowerInvariant();
            topicScores[id] = Math.Max(topic.Score, topicScores.GetValueOrDefault(id));
        }

        TopicScores = topicScores;
        _positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var words = new List<string>(text.Length / 5 + 16);
        AddWords(title ?? "", words);
        AddWord("\n", words);
        AddWords(text, words);
        _words = [.. words];

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in topicScores.Keys) keys.Add(KeyOf(TermField.Topic, topic));
        var countryCodes = countries.Select(c => c.ToUpperInvariant()).Distinct().ToList();
        foreach (var country in countryCodes)
        {
            keys.Add(KeyOf(TermField.Country, country));
            foreach (var topic in topicScores.Keys) keys.Add(PairKey(topic, country));
        }

        foreach (var actor in actors ?? [])
        {
            keys.Add(KeyOf(TermField.Actor, actor.Name.Trim().ToLowerInvariant()));
            if (actor.Id is { Length: > 0 }) keys.Add(KeyOf(TermField.Actor, actor.Id.Trim().ToLowerInvariant()));
        }

        foreach (var code in eventCodes ?? [])
        {
            for (var length = 2; length <= code.Length; length++) keys.Add(KeyOf(TermField.Event, code[..length]));
            if (QuadOf(code) is { } quad) keys.Add(KeyOf(TermField.Quad, quad));
        }

        if (!string.IsNullOrWhiteSpace(source)) keys.Add(KeyOf(TermField.Source, source.Trim().ToLowerInvariant()));
        if (!string.IsNullOrWhiteSpace(language)) keys.Add(KeyOf(TermField.Language, language.Trim().ToLowerInvariant()));
        foreach (var word in _positions.Keys) keys.Add(KeyOf(TermField.Word, word));
        Places = places?.Distinct().ToList() ?? [];
        foreach (var (latitude, longitude) in Places) keys.Add(Matching.Places.GeoCells.KeyOf(latitude, longitude));
        foreach (var key in signalKeys ?? []) keys.Add(key);
        Keys = keys;
    }

    /// <summary>Where the article's places and its events' places are, for <c>near:</c>.</summary>
    public IReadOnlyList<(double Latitude, double Longitude)> Places { get; }

    /// <summary>Every fact of the article as an index key; a subscription is a candidate when one of its required keys is here.</summary>
    public IReadOnlySet<string> Keys { get; }

    public IReadOnlyDictionary<string, double> TopicScores { get; }

    /// <summary>
    /// The one mapping from the wire message: people and organisations for <c>actor:</c> (by name, or by the
    /// organisation's code such as NATO, or the person's dictionary id), CAMEO codes for <c>event:</c> and <c>quad:</c>,
    /// the places of the article and of its events for <c>near:</c>.
    /// Lean messages carry <see cref="ArticleClassified.Actors"/> and <see cref="ArticleClassified.EventCodes"/>; older
    /// ones the full <see cref="ArticleClassified.Entities"/> and <see cref="ArticleClassified.Events"/>.
    /// <paramref name="signalKeys"/>: what the article set off (Signals/ArticleSignals.cs), for <c>shift:</c> and <c>is:</c>.
    /// </summary>
    public static MatchableArticle From(ArticleClassified article, IEnumerable<string>? signalKeys = null) =>
        new(article.Title, article.Text, article.Topics, article.Countries, article.Source, article.Language,
            article.Actors?.Select(actor => Actor(actor.Type, actor.Name, actor.Code, actor.Id))
            ?? article.Entities?
                .Where(entity => entity.Type is "person" or "organisation")
                .Select(entity => Actor(entity.Type, entity.Name, entity.Code, entity.Id)),
            article.EventCodes?.Select(e => e.Cameo) ?? article.Events?.Select(e => e.Cameo),
            (article.Places ?? []).Select(p => (p.Latitude, p.Longitude))
                .Concat(((IEnumerable<GeoPlace?>?)article.EventCodes?.Select(e => e.Place) ?? article.Events?.Select(e => e.Place) ?? [])
                    .Where(place => place is not null).Select(place => (place!.Latitude, place.Longitude))),
            signalKeys);

    private static MatchableActor Actor(string type, string name, string? code, string? id) =>
        new(name, type == "organisation" ? code : id);

    public static string KeyOf(TermField field, string value) => field switch
    {
        TermField.Topic => "t:" + value,
        TermField.Country => "c:" + value,
        TermField.Actor => "a:" + value,
        TermField.Event => "e:" + value,
        TermField.Quad => "q:" + value,
        TermField.Source => "s:" + value,
        TermField.Language => "l:" + value,
        TermField.Shift => "sh:" + value,
        TermField.Is => "is:" + value,
        _ => "w:" + value,
    };

    /// <summary>The article has both the topic and the country: what the index files a topic-and-country subscription under.</summary>
    public static string PairKey(string topic, string country) => "p:" + topic + "|" + country;

    /// <summary>CAMEO root codes 01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict.</summary>
    public static string? QuadOf(string cameoCode) =>
        cameoCode.Length >= 2 && int.TryParse(cameoCode.AsSpan(0, 2), out var root)
            ? root switch { >= 1 and <= 5 => "1", >= 6 and <= 8 => "2", >= 9 and <= 13 => "3", >= 14 and <= 20 => "4", _ => null }
            : null;

    /// <summary>Lower-cased runs of letters and digits: how both queries and articles are split into words.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    /// <summary>
    /// <see cref="Words"/> of <paramref name="text"/> appended to <paramref name="words"/> and <see cref="_positions"/>, a
    /// repeated word sharing the string of its first occurrence: one string per distinct word, not two per word.
    /// </summary>
    private void AddWords(string text, List<string> words)
    {
        var lookup = _positions.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lowered = stackalloc char[64];
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                var word = text.AsSpan(start, i - start);
                var lower = word.Length <= lowered.Length ? lowered[..word.Length] : new char[word.Length];
                word.ToLowerInvariant(lower);
                if (lookup.TryGetValue(lower, out var known, out var list)) list.Add(words.Count);
                else _positions[known = new string(lower)] = [words.Count];
                words.Add(known);
                start = -1;
            }
        }
    }

    private void AddWord(string word, List<string> words)
    {
        if (_positions.TryGetValue(word, out var list)) list.Add(words.Count);
        else _positions[word] = [words.Count];
        words.Add(word);
    }

    public bool ContainsPhrase(IReadOnlyList<string> words)
    {
        if (!_positions.TryGetValue(words[0], out var starts)) return false;
        foreach (var start in starts)
        {
            if (start + words.Count > _words.Length) return false;
            var all = true;
            for (var i = 1; i < words.Count && all; i++) all = _words[start + i] == words[i];
            if (all) return true;
        }

        return false;
    }
}
