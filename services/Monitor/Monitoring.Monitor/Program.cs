using System.CommandLine;
using Monitoring.Monitor;

var root = new RootCommand("monitor — media monitoring for diplomacy and security analysts")
{
    RunCommand.Create(),
    ExtractCommand.Create(),
    ClassifyCommand.Create(),
    CodeCommand.Create(),
    EvaluateCommand.Create(),
    Monitoring.Monitor.Bench.BenchCommand.Create(),
    ReplayErrorsCommand.Create(),
    VocabularyCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
