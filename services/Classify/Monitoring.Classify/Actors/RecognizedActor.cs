namespace Monitoring.Classify.Actors;

/// <summary>An actor the text names, with every mention of it, in text order.</summary>
public sealed record RecognizedActor(ActorEntry Actor, string Code, IReadOnlyList<RecognizedMention> Mentions);
