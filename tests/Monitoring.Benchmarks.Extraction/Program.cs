using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Monitoring.Benchmarks.Extraction.ExtractionBenchmarks).Assembly).Run(args);
