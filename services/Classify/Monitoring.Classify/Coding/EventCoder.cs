using Monitoring.Classify.Places;
using Monitoring.Classify.Text;
using Monitoring.Contracts;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Codes who did what to whom, sentence by sentence, with no parser, as a pipeline of stages:
/// <list type="number">
/// <item>the sentence and its actors (<see cref="SentenceSplitter"/>, <see cref="ActorSlots"/>);</item>
/// <item>its triggers: CAMEO dictionary verbs told from nouns by their neighbours (<see cref="TriggerFinder"/>);</item>
/// <item>each trigger's clause and arguments: subject, target, agent (<see cref="Clauses"/>, <see cref="ActorGroups"/>);</item>
/// <item>the code: the longest verb pattern, refined by what the clause says (<see cref="CodeChooser"/>, <see cref="CodeRefiner"/>);</item>
/// <item>the events with their evidence (<see cref="SentenceCoder"/>); in Spanish and Arabic, what the words around a protest
/// say it is and its sides (<see cref="ProtestRefiner"/>, <see cref="ProtestSides"/>), and the events they only name (<see cref="MentionedEvents"/>).</item>
/// </list>
/// The language's cue words are data (<c>Data/coding/</c>, <see cref="CodingLanguages"/>).
/// </summary>
public sealed class EventCoder(CameoVerbDictionary verbs, CameoCodebook codebook, IActorFinder actors, CodingLanguages languages)
{
    private readonly TriggerFinder _triggers = new(verbs);
    private readonly SentenceCoder _sentences = new(codebook);

    public IReadOnlyList<CodedEvent> Code(string text, string? language = null) => Code(text, Tokenizer.Tokenize(text), language);

    public IReadOnlyList<CodedEvent> Code(string text, List<Token> tokens, string? language = null) => Code(text, tokens, actors.Find(text, tokens), language);

    /// <summary>
    /// Codes what <see cref="ArticleClassifier"/> has already read, reusing its tokens and actors. Offsets of body events
    /// refer to the body (<c>ArticleIngested.Text</c>, which <c>ArticleClassified.Text</c> carries); events of the title,
    /// which the classifier reads before the body, are marked <see cref="CodedEvent.InTitle"/> and their offsets refer
    /// to the title. The title's actors count as named before ("the two countries"). <paramref name="places"/> are the
    /// places stage's names of the same text (<see cref="PlaceRecognizer.Recognize"/>): its towns and regions are actors too.
    /// </summary>
    public IReadOnlyList<CodedEvent> Code(Classification classification, string? language = null, IReadOnlyList<PlaceMention>? places = null)
    {
        IReadOnlyList<ActorMention> mentions = RecognizedActorFinder.From(classification.Text, classification.Actors);
        if (!languages.For(language).Actors.NamesPlaces) mentions = PlaceActors.Add(mentions, places);
        var events = Code(classification.Text, classification.Tokens, mentions, language);
        var offset = classification.BodyStart;
        if (offset == 0) return events;
        var body = new List<CodedEvent>(events.Count);
        foreach (var e in events)
        {
            if (e.SentenceStart < offset)
            {
                body.Add(e with { InTitle = true });
                continue;
            }

            body.Add(e with
            {
                SentenceStart = e.SentenceStart - offset, SentenceEnd = e.SentenceEnd - offset,
                TriggerStart = e.TriggerStart - offset, TriggerEnd = e.TriggerEnd - offset,
                Source = e.Source with { Start = e.Source.Start - offset, End = e.Source.End - offset },
                Target = e.Target with { Start = e.Target.Start - offset, End = e.Target.End - offset },
            });
        }

        return body;
    }

    /// <summary>Codes <paramref name="text"/> with actors found already (ordered by start, not overlapping).</summary>
    public IReadOnlyList<CodedEvent> Code(string text, List<Token> tokens, IReadOnlyList<ActorMention> mentions, string? language = null)
    {
        var lang = languages.For(language);
        mentions = Homonyms.Resolve(text, tokens, lang.Actors.Merge(text, tokens, mentions, lang.Cues), lang);
        var events = new List<CodedEvent>();
        var recentCodes = new List<string>();
        List<ActorMention>? previousSources = null;
        int t = 0, m = 0;
        var buffers = new SentenceBuffers();
        Sentence? sentence = null;
        foreach (var (start, end) in SentenceSplitter.Split(text, buffers.Sentences()))
        {
            while (t < tokens.Count && tokens[t].Start < start) t++;
            var firstToken = t;
            while (t < tokens.Count && tokens[t].Start < end) t++;
            while (m < mentions.Count && mentions[m].Start < start) m++;
            var firstMention = m;
            while (m < mentions.Count && mentions[m].Start < end) m++;
            if (t - firstToken < 3) continue;

            var window = new SentenceTokens(tokens, firstToken, t - firstToken);
            sentence = (sentence ?? new Sentence(text, start, end, window, lang, buffers)).Next(start, end, window, previousSources);
            sentence.SetSlots(ActorSlots.Build(sentence, mentions, firstMention, m, recentCodes));
            // Verbs first; the lexicon's nouns ("talks", "air strikes") only where no verb gave an event.
            var before = events.Count;
            var english = lang.HasVerbDictionary;
            sentence.Triggers = _triggers.Find(sentence, nouns: !english);
            _sentences.Code(sentence, events);

            // Whether the last pass read the lexicon's nouns (a sentence with none reads the same either way) and coded nothing.
            var readNouns = !english || !sentence.HasEventNouns;
            var codedNothing = events.Count == before;
            if (english && events.Count == before && sentence.HasEventNouns)
            {
                sentence.Triggers = _triggers.Find(sentence, nouns: true);
                _sentences.Code(sentence, events);
                (readNouns, codedNothing) = (true, events.Count == before);
            }

            CodeRefiner.ProtestContext(sentence, events, before, codebook);
            ProtestRefiner.Refine(sentence, events, before, codebook);
            ProtestSides.Fill(sentence, events, before);
            ProtestTargets.Fill(sentence, events, before, MentionedEvents.Drop(sentence, events, before));

            // "Protesters raised banners": an actor named for what it does, where nothing else gave an event.
            // Without such an actor it would read the last pass's triggers again, and code nothing again.
            if (events.Count == before && sentence.Slots.Exists(s => s.Mentions[0].Code == CodedEvents.UnknownCode)
                && !(readNouns && codedNothing && !TriggerFinder.FindsActorNoun(sentence)))
            {
                sentence.Triggers = _triggers.Find(sentence, nouns: true, actorNouns: true);
                _sentences.Code(sentence, events);
            }

            ActorSlots.Remember(recentCodes, mentions, firstMention, m);
            if (events.Count > before && events[before].Source is { Code: not CodedEvents.UnknownCode } source)
            {
                previousSources = [new ActorMention(source.Start, source.End, source.Text, source.Code, source.Sector, source.Cameo)];
            }
        }

        return events;
    }
}
