using BenchmarkDotNet.Running;
using Monitoring.Benchmarks.Coding.ThreadCpu;

// dotnet run -c Release --project tests/Monitoring.Benchmarks.Coding [-- --filter '*']
// MONITORING_EVAL_ARTICLES=/path/to/wcxb-dev-articles adds a corpus of real web articles (ground-truth main text).
// -- --thread-cpu [--rounds N] [--warmup N]: the same ratio in thread CPU time, which the machine's load hardly moves.
if (ThreadCpuMode.Requested(args)) return ThreadCpuMode.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
