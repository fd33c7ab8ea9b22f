namespace Monitoring.Ingest.Stories;

/// <summary>An article's place in a story, with the fingerprint later articles are compared against.</summary>
public sealed record StoryMember(string ArticleId, string StoryId, string Outlet, DateTimeOffset SeenAt, byte[] Signature);

/// <summary>A story as the API shows it: how many articles and how many distinct outlets carried it.</summary>
public sealed record StorySummary(string StoryId, int ArticleCount, int OutletCount, IReadOnlyList<string> Outlets, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt)
{
    /// <summary>The story of these members; null when it has none.</summary>
    public static StorySummary? Of(string storyId, IReadOnlyCollection<(string Outlet, DateTimeOffset SeenAt)> members)
    {
        if (members.Count == 0) return null;
        var outlets = members.Select(m => m.Outlet).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new StorySummary(storyId, members.Count, outlets.Count, outlets, members.Min(m => m.SeenAt), members.Max(m => m.SeenAt));
    }
}
