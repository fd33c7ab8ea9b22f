namespace Monitoring.Classify.Actors;

/// <summary>What kind of actor a dictionary entry names. Role words ("police", "foreign minister") name a sector, not a body.</summary>
public enum ActorType
{
    Country,
    Organisation,
    Person,
    Role,
}
