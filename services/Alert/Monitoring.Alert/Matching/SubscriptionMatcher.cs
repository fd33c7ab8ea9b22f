using System.Globalization;
using Monitoring.Alert.Subscriptions;
using Monitoring.Contracts;

namespace Monitoring.Alert.Matching;

/// <summary>Any listed topic, AND any listed country, AND any keyword (whole words, case-insensitive) in the title or text.</summary>
public static class SubscriptionMatcher
{
    public static bool Matches(Subscription subscription, ArticleClassified article)
    {
        if (subscription.Topics.Count > 0 && !article.Topics.Any(topic => subscription.Topics.Contains(topic.Id, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (subscription.Countries.Count > 0 && !article.Countries.Any(country => subscription.Countries.Contains(country, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        return subscription.Keywords.Count == 0
            || subscription.Keywords.Any(keyword => ContainsWord(article.Title, keyword) || ContainsWord(article.Text, keyword));
    }

    private static bool ContainsWord(string? text, string phrase)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var at = 0;
        while ((at = compare.IndexOf(text, phrase, at, CompareOptions.IgnoreCase)) >= 0)
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end]))) return true;
            at++;
        }

        return false;
    }
}
