namespace Monitoring.Classify.Coding;

internal enum TriggerKind
{
    /// <summary>A verb or word that may code an event.</summary>
    Event,

    /// <summary>A reporting verb: it names the speaker and is no event ("said", "according to").</summary>
    Speech,

    /// <summary>A verb that denies its complement ("denied that …").</summary>
    Denial,
}

/// <summary>
/// A verb form from the CAMEO dictionary found in a sentence (tokens <see cref="First"/> to <see cref="End"/>), or a
/// word of the language's trigger lexicon where the dictionary has no verb. <see cref="Lexicon"/> is the lexicon's
/// entry for the same words, if any: its root-level code applies where no pattern does.
/// </summary>
internal sealed class Trigger(int first, int end, VerbForm form, TriggerKind kind, LexiconEntry? lexicon = null, bool fromDictionary = true)
{
    public int First { get; } = first;
    public int End { get; } = end;
    public VerbForm Form { get; } = form;
    public VerbEntry Entry => Form.Entry;
    public TriggerKind Kind { get; } = kind;

    public LexiconEntry? Lexicon { get; } = lexicon;

    /// <summary>False for a word only the trigger lexicon knows ("urged", "air strikes").</summary>
    public bool FromDictionary { get; } = fromDictionary;

    public bool IsNoun => Lexicon is { IsNoun: true } && !FromDictionary;

    /// <summary>A past participle ("attacked", "asesinado"): with a form of "be" before it, the verb is passive.</summary>
    public bool IsParticiple { get; init; } = form.IsParticiple;

    /// <summary>The trigger is an actor named for what it does ("protesters"): it is its own subject.</summary>
    public bool ActorIsSubject { get; init; }

    /// <summary>Where the trigger's object starts: after the event noun a light verb carries ("launched an air strike against").</summary>
    public int ObjectStart { get; init; } = end;

    /// <summary>The same trigger as found, before any stage coded it (a new pass over the sentence starts from it).</summary>
    public Trigger Fresh() => new(First, End, Form, Kind, Lexicon, FromDictionary) { IsParticiple = IsParticiple, ActorIsSubject = ActorIsSubject, ObjectStart = ObjectStart };

    public static bool AnyStartsAt(List<Trigger> triggers, int first)
    {
        foreach (var t in triggers)
        {
            if (t.First == first) return true;
        }

        return false;
    }

    public string? Code { get; set; } = form.Entry.Code;
    public bool Negated { get; set; }

    /// <summary>The trigger gave at least one event.</summary>
    public bool Coded { get; set; }
}
