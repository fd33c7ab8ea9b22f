using BenchmarkDotNet.Running;
using Monitoring.Benchmarks.Messaging;

// dotnet run -c Release --project tests/Monitoring.Benchmarks.Messaging -- --filter '*'
// Reading one RabbitMQ body (MassTransit's envelope around a ~30 KB ArticleClassified): MassTransit's reader vs the one-pass one.
BenchmarkSwitcher.FromAssembly(typeof(EnvelopeReadBenchmarks).Assembly).Run(args);
