using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>One guess at where the article is: a container of the page (or the JSON-LD body) and the strategy that found it.</summary>
internal sealed record ContentCandidate(string Method, IReadOnlyList<IElement> Containers);

/// <summary>
/// Finds the containers that may hold the article, each by a different strategy, without modifying the page:
/// <list type="bullet">
/// <item><c>readability</c>: Readability's scoring — every paragraph scores its parent and half its grandparent by length and
/// commas; class/id words of content and furniture weigh in; the best score, discounted by its link density, wins.</item>
/// <item><c>paragraphs</c>: from that element up the wrapper chain to the ancestor holding the most prose while staying mostly
/// prose (page builders wrap each section of one article separately).</item>
/// <item><c>article</c>: the semantic container (<c>[itemprop=articleBody]</c>, <c>&lt;article&gt;</c>, <c>&lt;main&gt;</c>,
/// <c>[role=main]</c>) holding the most paragraph text.</item>
/// </list>
/// The JSON-LD <c>articleBody</c> candidate comes from the metadata.
/// </summary>
internal static class ContentCandidates
{
    // Readability's class/id weights: words that mark content, words that mark everything else.
    private static readonly string[] PositiveWords = ["article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "prose"];
    private static readonly string[] NegativeWords = ["comment", "meta", "footer", "footnote", "masthead", "media", "promo", "related", "scroll", "shoutbox", "sidebar", "sponsor", "shopping", "tags", "tool", "widget", "share", "social", "nav", "menu", "banner", "combx", "contact", "hidden"];

    public static List<ContentCandidate> Find(IElement body, BoilerplateCues cues)
    {
        var candidates = new List<ContentCandidate>(4);
        var scores = ParagraphScores(body, cues);
        if (scores.Count > 0)
        {
            var (best, bestScore) = scores
                .OrderByDescending(pair => pair.Value)
                .Take(10)
                .Select(pair => (Element: pair.Key, Score: (pair.Value + ClassWeight(pair.Key)) * (1 - LinkDensity(pair.Key))))
                .MaxBy(pair => pair.Score);
            var picked = WithSiblings(best, bestScore, scores);
            if (QuestionsAfter(best, body, cues) is { } questions) picked.Add(questions);
            candidates.Add(new ContentCandidate("readability", picked));
            var climbed = Climb(best);
            if (climbed != best) candidates.Add(new ContentCandidate("paragraphs", [climbed]));
        }

        if (Semantic(body, scores) is { } semantic && candidates.All(candidate => candidate.Containers is not [var only] || only != semantic))
        {
            candidates.Add(new ContentCandidate("article", [semantic]));
        }

        return candidates;
    }

    // Readability's sibling step: an article split over sibling wrappers is read whole. A sibling joins when it scored
    // a fifth of the best, or is a paragraph of prose with few links.
    private static List<IElement> WithSiblings(IElement best, double bestScore, Dictionary<IElement, double> scores)
    {
        if (best.ParentElement is not { } parent) return [best];
        var threshold = Math.Max(10, bestScore * 0.2);
        var joined = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == best) { joined.Add(sibling); continue; }
            if (HtmlMainText.SkippedTags.Contains(sibling.LocalName)) continue;
            var bonus = SameClasses(best, sibling) ? bestScore * 0.2 : 0;
            if (scores.TryGetValue(sibling, out var score) && (score + bonus) * (1 - LinkDensity(sibling)) >= threshold)
            {
                joined.Add(sibling);
            }
            else if (sibling.LocalName == "p")
            {
                var length = sibling.TextContent.Length;
                var density = LinkDensity(sibling);
                if ((length > 80 && density < 0.25) || (length is > 0 and <= 80 && density == 0 && sibling.TextContent.TrimEnd().EndsWith('.'))) joined.Add(sibling);
            }
        }

        return joined;
    }

    // Readability gives a sibling of the same kind a bonus; a class list is a set ("post entry" = "entry  post"), compared
    // as one. A sibling that adds one modifier to the pick's classes, or lacks one of them ("rich-text intro" beside
    // "rich-text"), is of the same kind: templates mark the first or last section of a body so.
    private static bool SameClasses(IElement best, IElement sibling)
    {
        var (fewer, more) = best.ClassList.Length <= sibling.ClassList.Length ? (best.ClassList, sibling.ClassList) : (sibling.ClassList, best.ClassList);
        if (fewer.Length == 0 || more.Length - fewer.Length > 1 || (fewer.Length == 1 && more.Length > 1)) return false;
        foreach (var name in fewer)
        {
            if (!more.Contains(name)) return false;
        }

        return true;
    }

    // An article's FAQ is often a wrapper of its own beside the one holding the article (a CMS module after the body):
    // questions and their answers score little as paragraphs (headings, buttons, short answers), so the first such
    // wrapper after the pick, or after one of its three nearest wrappers, joins it.
    private static IElement? QuestionsAfter(IElement best, IElement body, BoilerplateCues cues)
    {
        var node = best;
        for (var level = 0; level < 4 && node is not null && node != body; level++, node = node.ParentElement)
        {
            for (var sibling = node.NextElementSibling; sibling is not null; sibling = sibling.NextElementSibling)
            {
                if (IsQuestionsAndAnswers(sibling, best.TextContent, cues)) return sibling;
            }
        }

        return null;
    }

    // Two or more questions (headings, accordion buttons, summaries, terms ending in "?") with their answers: the
    // answers as read (a closed panel the page hides is not) are as long as the questions at least, the text is not
    // links, and the questions are not the pick's own headings (a copy of the article for another screen size).
    internal static bool IsQuestionsAndAnswers(IElement element, string pickText, BoilerplateCues cues)
    {
        if (HtmlMainText.SkippedTags.Contains(element.LocalName) || FurnitureElements.Kind(element, cues) is not null) return false;
        var total = VisibleTextLength(element);
        if (total < 200 || LinkDensity(element) > 0.3) return false;
        var questions = 0;
        var questionText = 0;
        foreach (var question in element.QuerySelectorAll("h2,h3,h4,h5,h6,button,summary,dt"))
        {
            if (question.QuerySelector("h2,h3,h4,h5,h6,button,summary,dt") is not null) continue;
            var text = question.TextContent.AsSpan().Trim();
            if (text.IsEmpty || text[^1] is not ('?' or '？') || CandidateChoice.WordCount(text.ToString()) is < 2 or > 40) continue;
            if (pickText.Contains(text, StringComparison.Ordinal)) return false;
            questions++;
            questionText += text.Length;
        }

        if (questions < 2 || questionText * 2 > total) return false;
        var read = HtmlMainText.Read([element], cues).Blocks.Sum(block => block.Text.Length);
        return read >= 2 * questionText;
    }

    private static Dictionary<IElement, double> ParagraphScores(IElement body, BoilerplateCues cues)
    {
        var excluded = new Dictionary<IElement, bool>();
        var scores = new Dictionary<IElement, double>();
        foreach (var paragraph in body.QuerySelectorAll("p,pre,blockquote,td,div,section"))
        {
            if (paragraph.LocalName is "td" or "div" or "section" && !HoldsOwnText(paragraph)) continue;
            var text = paragraph.TextContent;
            var length = text.AsSpan().Trim().Length;
            if (length < 25 || IsExcluded(paragraph, body, cues, excluded)) continue;
            var linkLength = 0;
            foreach (var link in paragraph.QuerySelectorAll("a")) linkLength += link.TextContent.Length;
            if (linkLength > length / 2) continue;

            var commas = 0;
            foreach (var c in text) if (c is ',' or '，' or '、' or '،') commas++;
            var score = 1 + Math.Min(3, length / 100) + commas;
            if (paragraph.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + score;
                if (parent.ParentElement is { } grandparent) scores[grandparent] = scores.GetValueOrDefault(grandparent) + (score / 2.0);
            }
        }

        return scores;
    }

    // Readability reads a div without block children as a paragraph; a table cell or div holding its own text
    // (text with line breaks, not wrapped in <p>) is one too.
    private static bool HoldsOwnText(IElement element)
    {
        var own = 0;
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text) own += text.Data.AsSpan().Trim().Length;
            else if (child is IElement { LocalName: "p" or "div" or "section" or "table" or "ul" or "ol" or "article" or "blockquote" or "pre" }) return false;
        }

        return own >= 25;
    }

    // A paragraph inside navigation, an aside, a footer or a comment thread never votes for its container.
    private static bool IsExcluded(IElement element, IElement body, BoilerplateCues cues, Dictionary<IElement, bool> cache)
    {
        for (var ancestor = element.ParentElement; ancestor is not null && ancestor != body; ancestor = ancestor.ParentElement)
        {
            if (cache.TryGetValue(ancestor, out var known)) return known;
            var kind = ancestor.LocalName == "header" ? "structure" : FurnitureElements.Kind(ancestor, cues);
            if (kind is "structure" or "comments")
            {
                cache[ancestor] = true;
                return true;
            }
        }

        return false;
    }

    private static double ClassWeight(IElement element)
    {
        var names = (element.ClassName + " " + element.Id).ToLowerInvariant();
        var weight = 0;
        if (PositiveWords.Any(names.Contains)) weight += 25;
        if (NegativeWords.Any(names.Contains)) weight -= 25;
        return weight;
    }

    internal static double LinkDensity(IElement element)
    {
        var length = element.TextContent.Length;
        if (length == 0) return 0;
        var links = 0;
        foreach (var link in element.QuerySelectorAll("a")) links += link.TextContent.Length;
        return Math.Min(1.0, (double)links / length);
    }

    // Page builders put each section of one article in its own wrapper, several levels apart: take the
    // ancestor that holds the most prose while staying mostly prose (a sidebar or footer would dilute it).
    private static IElement Climb(IElement best)
    {
        var bestGood = GoodTextLength(best);
        var candidate = best;
        for (var level = 0; level < 12 && candidate.ParentElement is { LocalName: not "body" and not "html" } parent; level++)
        {
            candidate = parent;
            var good = GoodTextLength(candidate);
            if (good >= 1.25 * bestGood && good >= 0.6 * VisibleTextLength(candidate))
            {
                best = candidate;
                bestGood = good;
            }
        }

        return best;
    }

    // The semantic container with the most paragraph score inside: articleBody microdata first, then <article>, <main>.
    private static IElement? Semantic(IElement body, Dictionary<IElement, double> scores)
    {
        IElement? best = null;
        var bestScore = 0.0;
        foreach (var element in body.QuerySelectorAll("[itemprop=articleBody],article,main,[role=main]"))
        {
            var score = 0.0;
            foreach (var (scored, value) in scores)
            {
                if (element.Contains(scored)) score += value;
            }

            if (element.GetAttribute("itemprop") == "articleBody") score *= 1.5;
            if (score > bestScore)
            {
                best = element;
                bestScore = score;
            }
        }

        return best;
    }

    internal static int VisibleTextLength(IElement element)
    {
        var length = 0;
        var space = true;
        foreach (var c in element.TextContent)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace || !space) length++;
            space = isSpace;
        }

        return length;
    }

    private static int GoodTextLength(IElement element)
    {
        var total = 0;
        foreach (var block in element.QuerySelectorAll("p,pre,blockquote,li,h2,h3,h4,td"))
        {
            if (block.QuerySelector("p,li,td") is not null) continue;
            var length = VisibleTextLength(block);
            var links = 0;
            foreach (var link in block.QuerySelectorAll("a")) links += VisibleTextLength(link);
            if (links * 2 <= length) total += length;
        }

        return total;
    }
}
