using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Monitoring.ServiceDefaults;

namespace Monitoring.Shared.Tests.Telemetry;

/// <summary>Every service's log lines carry the trace they were written in, so a line leads to its trace in Jaeger.</summary>
public sealed class TraceIdLoggingTests
{
    [Fact]
    public void A_line_logged_inside_a_trace_carries_its_trace_and_span_ids_and_the_console_shows_them()
    {
        var builder = Host.CreateApplicationBuilder();
        var sink = new ScopeSink();
        builder.AddServiceDefaults();
        builder.Logging.AddProvider(sink);
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILogger<TraceIdLoggingTests>>();

        using var activity = new Activity("a traced request").Start();
        logger.LogWarning("inside the trace");

        var scopes = Assert.Single(sink.Lines, line => line.Message == "inside the trace").Scopes;
        Assert.Contains(scopes, scope => scope.Key == "TraceId" && scope.Value == activity.TraceId.ToHexString());
        Assert.Contains(scopes, scope => scope.Key == "SpanId" && scope.Value == activity.SpanId.ToHexString());
        Assert.True(host.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
        Assert.True(host.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
    }

    private sealed class ScopeSink : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public List<(string Message, List<KeyValuePair<string, string?>> Scopes)> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeSink sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => sink._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<KeyValuePair<string, string?>>();
                sink._scopes.ForEachScope((scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs) list.AddRange(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value?.ToString())));
                }, scopes);
                lock (sink.Lines) sink.Lines.Add((formatter(state, exception), scopes));
            }
        }
    }
}
