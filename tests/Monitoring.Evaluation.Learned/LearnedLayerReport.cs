using System.Diagnostics;
using Monitoring.Classify;
using Monitoring.Classify.Actors;
using Monitoring.Classify.Taxonomy;

namespace Monitoring.Evaluation.Learned;

/// <summary>
/// The figures that decide whether a learned layer joins the rules: per alert group, the shipped rules alone, each
/// learner alone (cross-validated, probability ≥ 0.5), and the learner as a gate on the rules (a rule tag is dropped
/// when the held-out probability is under <see cref="Veto"/>, an untagged article is added over <see cref="Add"/>),
/// with the processor time per article of each. The gate's thresholds are fixed here, not searched on the folds; the
/// grid after them is exploratory and says so.
/// </summary>
public static class LearnedLayerReport
{
    private const double Veto = 0.2;
    private const double Add = 0.9;

    public static void Write(IReadOnlyList<DevArticle> articles, int lead, int folds, TextWriter output)
    {
        var classifier = new ArticleClassifier(
            TopicTagger.Load(DataFiles.Resolve(DataFiles.Taxonomy)),
            ActorRecognizer.Load(DataFiles.Resolve(DataFiles.Gazetteer), DataFiles.Resolve(DataFiles.Actors)));
        var cpu = Stopwatch.StartNew();
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var rules = articles.Select(a => classifier.Classify(a.Title, a.Text).Topics.Select(t => t.Id).ToList()).ToList();
        var rulesMilliseconds = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / articles.Count;

        using var embedder = new LeadEmbedder(lead);
        var vectors = articles.Select(a => embedder.Embed(a.Title, a.Text)).ToList();

        output.WriteLine($"{articles.Count} articles, {folds}-fold cross-validation by article, embedding: title + first {lead} characters");
        output.WriteLine($"processor time per article: rules {rulesMilliseconds:F2} ms (incl. first-call warm-up), MiniLM embedding {embedder.ProcessorMillisecondsPerArticle:F1} ms");
        foreach (var learner in new ILearner[] { new NearestNeighbours(5), new LogisticRegression() })
        {
            output.WriteLine();
            output.WriteLine($"## {learner.Name}");
            foreach (var group in AlertGroups.Names)
            {
                var gold = articles.Select(a => AlertGroups.Gold(a, group)).ToList();
                var probabilities = CrossValidation.HeldOutProbabilities(vectors, gold, learner, folds);
                var byRules = Figures.Of(articles, group, i => AlertGroups.Predicted(rules[i], group));
                var alone = Figures.Of(articles, group, i => probabilities[i] >= 0.5);
                var gated = Figures.Of(articles, group, i => Gate(AlertGroups.Predicted(rules[i], group), probabilities[i], Veto, Add));
                output.WriteLine($"{group,-16} rules  {byRules}");
                output.WriteLine($"{"",-16} alone  {alone}");
                output.WriteLine($"{"",-16} gate   {gated}   (veto < {Veto}, add >= {Add})");
                var grid = from veto in new[] { 0.0, 0.1, 0.3 } from add in new[] { 0.7, 0.8, 1.01 }
                           select $"{veto}/{add}: F1 {Figures.Of(articles, group, i => Gate(AlertGroups.Predicted(rules[i], group), probabilities[i], veto, add)).F1:F3}";
                output.WriteLine($"{"",-16} grid (exploratory, chosen after seeing it would be fitting) {string.Join("; ", grid)}");
                var changed = Enumerable.Range(0, articles.Count).Where(i => AlertGroups.Predicted(rules[i], group) != Gate(AlertGroups.Predicted(rules[i], group), probabilities[i], Veto, Add));
                foreach (var i in changed)
                {
                    var nearest = Enumerable.Range(0, articles.Count).Where(j => j != i).OrderByDescending(j => Vectors.Dot(vectors[i], vectors[j])).Take(3)
                        .Select(j => $"{articles[j].Id}{(gold[j] ? "+" : "-")}");
                    output.WriteLine($"{"",-16}   gate {(AlertGroups.Predicted(rules[i], group) ? "drops" : "adds")} {articles[i].Id} (labelled {(gold[i] ? "yes" : "no")}, p {probabilities[i]:F2}; nearest {string.Join(" ", nearest)})");
                }
            }
        }
    }

    private static bool Gate(bool rules, double probability, double veto, double add) => rules ? probability >= veto : probability >= add;
}
