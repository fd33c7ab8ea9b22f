using BenchmarkDotNet.Running;
using Monitoring.Benchmarks.Dedup;

// `evaluate FOLDER` measures story grouping on real articles; anything else goes to BenchmarkDotNet.
if (args is ["evaluate", var folder]) return StoryEvaluation.Run(folder);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
