using MassTransit;
using Monitoring.Contracts;

namespace Monitoring.Monitor.Demo;

public sealed class PrintEventConsumer(DemoConsole console) : IConsumer<ArticleClassified>
{
    public Task Consume(ConsumeContext<ArticleClassified> context)
    {
        var article = context.Message;
        var topics = article.Topics.Count == 0 ? "none" : string.Join(", ", article.Topics.Select(t => $"{t.Id} ({t.Score:0.#})"));
        var countries = article.Countries.Count == 0 ? "none" : string.Join(' ', article.Countries);
        console.Write("event", $"{DemoConsole.ShortId(article.ArticleId)} {DemoConsole.Quote(article.Title)}");
        console.Write("", $"topics: {topics} | countries: {countries}");
        var actors = article.Actors?.Select(a => $"{a.Name} ({a.Code})").ToList();
        if (actors is { Count: > 0 }) console.Write("", $"actors: {string.Join(", ", actors)}");
        var events = article.EventCodes?.Select(e => $"{e.Source}→{e.Target} {e.Cameo}").Distinct().ToList();
        if (events is { Count: > 0 }) console.Write("", $"CAMEO events: {string.Join(", ", events)}");
        return Task.CompletedTask;
    }
}
