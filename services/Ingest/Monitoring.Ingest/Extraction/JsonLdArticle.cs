using System.Text.Json;
using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// The schema.org Article (NewsArticle, BlogPosting, …) a page describes itself with, if any; its author given by
/// reference (<c>{"@id": …}</c>, as in a Yoast <c>@graph</c>) is looked up in the same graph. A page that describes
/// only its WebPage still gives that page's dates.
/// </summary>
internal sealed record JsonLdArticle(string? Headline, string? Author, string? DatePublished, string? DateModified, string? Url, string? InLanguage, string? ArticleBody)
{
    /// <summary>The author named is an organisation (the publisher, a foundation), not a person: a printed byline naming a person is the better author.</summary>
    public bool AuthorIsOrganisation { get; init; }

    /// <summary>What the graph says about the persons it describes (their <c>description</c>): the bio an author box prints.</summary>
    public string? AuthorDescription { get; init; }

    public static JsonLdArticle? Find(IDocument document)
    {
        JsonLdArticle? pageDates = null;
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                var nodes = Candidates(json.RootElement).ToList();
                if (nodes.FirstOrDefault(IsArticle) is { ValueKind: JsonValueKind.Object } article)
                {
                    var byId = nodes.Where(node => String(node, "@id") is not null).GroupBy(node => String(node, "@id")!).ToDictionary(group => group.Key, group => group.First());
                    var author = article.TryGetProperty("author", out var authorElement) ? authorElement : default;
                    return new JsonLdArticle(
                        HtmlMetadata.Clean(String(article, "headline") ?? String(article, "name")),
                        Names(author, byId),
                        String(article, "datePublished") ?? String(article, "dateCreated"),
                        String(article, "dateModified"),
                        String(article, "url") ?? (article.TryGetProperty("mainEntityOfPage", out var page) ? String(page, "@id") ?? (page.ValueKind == JsonValueKind.String ? page.GetString() : null) : null),
                        String(article, "inLanguage"),
                        String(article, "articleBody")) { AuthorIsOrganisation = OnlyOrganisations(author, byId), AuthorDescription = Descriptions(nodes) };
                }

                if (pageDates is null && nodes.FirstOrDefault(node => String(node, "datePublished") is not null) is { ValueKind: JsonValueKind.Object } dated)
                {
                    pageDates = new JsonLdArticle(null, null, String(dated, "datePublished"), String(dated, "dateModified"), null, null, null);
                }
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often broken; the meta tags remain.
            }
        }

        return pageDates;
    }

    private static IEnumerable<JsonElement> Candidates(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var candidate in Candidates(item)) yield return candidate;
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            if (element.TryGetProperty("@graph", out var graph))
            {
                foreach (var candidate in Candidates(graph)) yield return candidate;
            }

            if (element.TryGetProperty("mainEntity", out var main))
            {
                foreach (var candidate in Candidates(main)) yield return candidate;
            }
        }
    }

    private static bool IsArticle(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("@type", out var type)) return false;
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()) : [type.ToString()];
        return types.Any(t => t.EndsWith("Article", StringComparison.Ordinal) || t is "BlogPosting" or "LiveBlogPosting" or "SocialMediaPosting" or "Report" or "NewsArticle");
    }

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // schema.org's organisation types all end in "Organization" (NewsMediaOrganization, MedicalOrganization, NGO's parent…).
    private static bool IsOrganisation(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("@type", out var type)) return false;
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()) : [type.ToString()];
        return types.Any(t => t.EndsWith("Organization", StringComparison.Ordinal) || t is "Corporation" or "NGO" or "LocalBusiness" or "Brand" or "WebSite");
    }

    // {"@id": "…#/schema/person/…"}: the person is described elsewhere in the graph.
    private static JsonElement Resolve(JsonElement entry, Dictionary<string, JsonElement> byId) =>
        entry.ValueKind == JsonValueKind.Object && String(entry, "name") is null && String(entry, "@id") is { } id && byId.TryGetValue(id, out var described) ? described : entry;

    private static bool OnlyOrganisations(JsonElement author, Dictionary<string, JsonElement> byId) => author.ValueKind switch
    {
        JsonValueKind.Object => IsOrganisation(Resolve(author, byId)),
        JsonValueKind.Array => author.GetArrayLength() > 0 && author.EnumerateArray().All(entry => IsOrganisation(Resolve(entry, byId))),
        _ => false,
    };

    // A Yoast-style graph describes the author as a Person of its own, referenced by @id from the article or the page.
    private static string? Descriptions(IEnumerable<JsonElement> nodes)
    {
        var descriptions = nodes.Where(IsPerson).Select(node => String(node, "description")).OfType<string>().Distinct().ToList();
        return descriptions.Count == 0 ? null : string.Join('\n', descriptions);
    }

    private static bool IsPerson(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("@type", out var type)
        && (type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Any(t => t.ToString() == "Person") : type.ToString() == "Person");

    private static string? Names(JsonElement author, Dictionary<string, JsonElement> byId)
    {
        JsonElement Resolve(JsonElement entry) => JsonLdArticle.Resolve(entry, byId);

        var names = author.ValueKind switch
        {
            JsonValueKind.String => [author.GetString()],
            JsonValueKind.Object => [String(Resolve(author), "name")],
            // A person named beside the publishing organisation is the author; the organisation alone is the byline only when no one is named.
            JsonValueKind.Array => author.EnumerateArray().Select(Resolve).Where(a => !IsOrganisation(a)).Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : String(a, "name"))
                .DefaultIfEmpty(author.EnumerateArray().Select(a => String(Resolve(a), "name")).FirstOrDefault()).ToList(),
            _ => new List<string?>(),
        };
        var clean = names.Select(HtmlMetadata.Clean).OfType<string>().Where(n => !n.StartsWith("http", StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
        return clean.Count == 0 ? null : string.Join(", ", clean);
    }
}
