using System.Globalization;
using Monitoring.Contracts;

namespace Monitoring.Alert.Corroboration;

/// <summary>The reports an article makes: each of its coded events between two known, different actors, and its denials.</summary>
public static class EventReports
{
    /// <summary>CAMEO 016, "deny responsibility": "Norway denied the reports", "Moscow denied involvement".</summary>
    public const string DenialCode = "016";

    /// <summary>CAMEO's unknown actor: an event with it on either side says too little to corroborate.</summary>
    public const string UnknownActor = "---";

    /// <summary>None when the article names no outlet (no source and no URL): it cannot corroborate anything.</summary>
    public static IReadOnlyList<EventReport> From(ArticleClassified article, string storyId, CorroborationOptions options)
    {
        if (OutletOf(article) is not { } outlet) return [];
        var reportedAt = article.PublishedAt is { } published && published <= article.IngestedAt + options.MaxClockSkew ? published : article.IngestedAt;
        var windowStart = WindowStart(reportedAt, options.Window);
        var reports = new List<EventReport>();
        foreach (var (cameo, source, target) in CodesOf(article))
        {
            if (cameo is not { Length: >= 2 } || !Known(source)) continue;
            var isDenial = cameo == DenialCode;
            if (!isDenial && (!Known(target) || source == target)) continue;
            var root = cameo[..2];
            var eventId = EventIdOf(source, target, root, windowStart);
            if (reports.Exists(r => r.EventId == eventId)) continue;
            reports.Add(new EventReport
            {
                EventId = eventId, Source = source, Target = target, Root = root, WindowStart = windowStart, ArticleId = article.ArticleId, StoryId = storyId,
                Outlet = outlet, Cameo = cameo, Title = article.Title, Url = article.Url, ReportedAt = reportedAt, IsDenial = isDenial,
            });
        }

        return reports;
    }

    /// <summary>As ingest names outlets: the submitting source, else the URL's host (without "www.").</summary>
    public static string? OutletOf(ArticleClassified article)
    {
        if (article.Source is { } source && source.Trim() is { Length: > 0 } trimmed) return trimmed.ToLowerInvariant();
        if (article.Url is null || !Uri.TryCreate(article.Url, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return null;
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    public static DateTimeOffset WindowStart(DateTimeOffset at, TimeSpan window)
    {
        var ticks = at.UtcTicks - (at.UtcTicks % window.Ticks);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    public static string EventIdOf(string source, string target, string root, DateTimeOffset windowStart) =>
        string.Create(CultureInfo.InvariantCulture, $"{source}-{target}-{root}-{windowStart.UtcDateTime:yyyyMMdd'T'HHmm}");

    private static bool Known(string? code) => code is { Length: > 0 } && code != UnknownActor;

    private static IEnumerable<(string? Cameo, string Source, string Target)> CodesOf(ArticleClassified article) =>
        article.EventCodes?.Select(e => ((string?)e.Cameo, e.Source, e.Target))
        ?? article.Events?.Select(e => ((string?)e.Cameo, e.Source.Code, e.Target.Code))
        ?? [];
}
