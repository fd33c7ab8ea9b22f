using Monitoring.Contracts;

namespace Monitoring.Classify.Actors;

/// <summary>The actors of a recognition as they travel on the wire and are stored: one entry per actor with its mentions.</summary>
public static class ArticleEntities
{
    public static List<ArticleEntity> From(ActorRecognition recognition) =>
        recognition.Actors.Select(actor => new ArticleEntity
        {
            Id = actor.Actor.Id,
            Type = actor.Actor.Type.ToString().ToLowerInvariant(),
            Name = actor.Actor.Name,
            Code = actor.Code,
            Country = actor.Mentions[0].Country,
            Sectors = actor.Actor.Sectors.Count > 0 ? actor.Actor.Sectors : null,
            Role = actor.Actor.Role,
            Mentions = actor.Mentions.Select(m => new MatchEvidence { Rule = m.Via == "alias" ? m.Actor.Id : $"{m.Actor.Id}#{m.Via}", Text = m.Text, Start = m.Start, End = m.End }).ToList(),
        }).ToList();
}
