using Monitoring.Evaluation.Learned;

// tests/learned-eval.sh [--set DIR] [--lead CHARS] [--folds K]: does a MiniLM layer over title and lead beat the rules?
var set = Argument(args, "--set") ?? Path.Combine("..", "shared", "eval", "topics");
var lead = int.Parse(Argument(args, "--lead") ?? "300", System.Globalization.CultureInfo.InvariantCulture);
var folds = int.Parse(Argument(args, "--folds") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
if (!File.Exists(Path.Combine(set, "texts.jsonl")))
{
    Console.Error.WriteLine($"learned-eval: no development set at {Path.GetFullPath(set)} (--set DIR)");
    return 2;
}

LearnedLayerReport.Write(DevelopmentSet.Read(set), lead, folds, Console.Out);
return 0;

static string? Argument(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
