namespace Monitoring.Classify.Coding;

public sealed class EventCodingOptions
{
    public const string SectionName = "Classify:EventCoding";

    /// <summary>Code events at all; off, articles are still tagged and stored, with no events.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>CAMEO verb patterns, then our additions; relative paths resolve against the application's directory.</summary>
    public string[] VerbPaths { get; set; } = ["Data/cameo-verbs.txt", "Data/cameo-verbs-extra.txt"];

    public string CodesPath { get; set; } = "Data/cameo-codes.tsv";

    /// <summary>The languages' cue words and trigger lexicons (<c>cues-LANG.txt</c>, <c>triggers-LANG.txt</c>).</summary>
    public string LanguagesPath { get; set; } = "Data/coding";
}
