using BenchmarkDotNet.Running;
using Monitoring.Benchmarks.Alert;

// dotnet run -c Release --project tests/Monitoring.Benchmarks.Alert -- --latency     per-article p50/p99 at 1k, 10k, 100k, broad and specific subscriptions
// dotnet run -c Release --project tests/Monitoring.Benchmarks.Alert -- --filter '*'  BenchmarkDotNet: index vs evaluating every subscription
if (args.Contains("--latency"))
{
    LatencyRun.Run([1_000, 10_000, 100_000], articles: 1_000, runs: 10_000, specific: false);
    LatencyRun.Run([1_000, 10_000, 100_000], articles: 1_000, runs: 10_000, specific: true);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MatchingBenchmarks).Assembly).Run(args);
