using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Monitoring.Benchmarks.Coding [-- --filter '*']
// MONITORING_EVAL_ARTICLES=/path/to/wcxb-dev-articles adds a corpus of real web articles (ground-truth main text).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
