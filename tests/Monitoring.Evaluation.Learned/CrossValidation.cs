namespace Monitoring.Evaluation.Learned;

/// <summary>Counts of one group's predictions against the labels.</summary>
public readonly record struct Figures(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : TruePositives / (double)(TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : TruePositives / (double)(TruePositives + FalseNegatives);
    public double F1 => 2 * TruePositives + FalsePositives + FalseNegatives == 0 ? 0 : 2 * TruePositives / (double)(2 * TruePositives + FalsePositives + FalseNegatives);

    public static Figures Of(IReadOnlyList<DevArticle> articles, string group, Func<int, bool> predicted)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < articles.Count; i++)
        {
            var gold = AlertGroups.Gold(articles[i], group);
            if (predicted(i) && gold) tp++;
            else if (predicted(i)) fp++;
            else if (gold) fn++;
        }

        return new Figures(tp, fp, fn);
    }

    public override string ToString() => $"P {Precision:F3} R {Recall:F3} F1 {F1:F3} (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives})";
}

/// <summary>
/// k-fold cross-validation by article: every article is scored by a learner trained on the other folds only, so each
/// probability is what the layer would say about an article it has never seen. Folds come from a seeded shuffle.
/// </summary>
public static class CrossValidation
{
    public static double[] HeldOutProbabilities(IReadOnlyList<float[]> vectors, IReadOnlyList<bool> labels, ILearner learner, int folds, int seed = 1)
    {
        var order = Enumerable.Range(0, vectors.Count).ToArray();
        new Random(seed).Shuffle(order);
        var probabilities = new double[vectors.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var test = order.Where((_, position) => position % folds == fold).ToHashSet();
            var train = order.Where(i => !test.Contains(i)).ToList();
            var score = learner.Train(train.Select(i => vectors[i]).ToList(), train.Select(i => labels[i]).ToList());
            foreach (var i in test) probabilities[i] = score(vectors[i]);
        }

        return probabilities;
    }
}
