using BenchmarkDotNet.Running;
using Monitoring.Benchmarks.Alert;

// dotnet run -c Release --project tests/Monitoring.Benchmarks.Alert -- --latency     per-article p50/p99 at 1k, 10k, 100k
// dotnet run -c Release --project tests/Monitoring.Benchmarks.Alert -- --filter '*'  BenchmarkDotNet: index vs evaluating every subscription
if (args.Contains("--latency"))
{
    LatencyRun.Run([1_000, 10_000, 100_000], articles: 1_000, runs: 10_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MatchingBenchmarks).Assembly).Run(args);
