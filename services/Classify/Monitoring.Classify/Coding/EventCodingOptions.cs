namespace Monitoring.Classify.Coding;

public sealed class EventCodingOptions
{
    public const string SectionName = "Classify:EventCoding";

    /// <summary>Code events at all; off, articles are still tagged and stored, with no events.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>CAMEO verb patterns, then our additions; relative paths resolve against the application's directory.</summary>
    public string[] VerbPaths { get; set; } = [DataFiles.CameoVerbs, DataFiles.CameoVerbsExtra];

    public string CodesPath { get; set; } = DataFiles.CameoCodes;

    /// <summary>The languages' cue words, trigger lexicons and actor words.</summary>
    public string LanguagesPath { get; set; } = DataFiles.CodingLanguages;
}
