using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Monitoring.Benchmarks.Classify.ClassifyBenchmarks).Assembly).Run(args);
