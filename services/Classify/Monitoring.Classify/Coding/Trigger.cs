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
/// word of the language's trigger lexicon (<see cref="Lexical"/>) where the dictionary has no verb.
/// </summary>
internal sealed class Trigger(int first, int end, VerbForm form, TriggerKind kind, string? lexicalCode = null)
{
    public int First { get; } = first;
    public int End { get; } = end;
    public VerbForm Form { get; } = form;
    public VerbEntry Entry => Form.Entry;
    public TriggerKind Kind { get; } = kind;

    /// <summary>The code of the lexicon entry, when the trigger comes from the trigger lexicon, not the verb dictionary.</summary>
    public string? LexicalCode { get; } = lexicalCode;

    public bool Lexical => LexicalCode is not null;

    public string? Code { get; set; } = form.Entry.Code;
    public bool Negated { get; set; }

    /// <summary>The trigger gave at least one event.</summary>
    public bool Coded { get; set; }
}
