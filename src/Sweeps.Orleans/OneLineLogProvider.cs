using Microsoft.Extensions.Logging;

namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// Orleans' log for a person at a terminal: from <paramref name="minimum"/> up (a worker shows warnings, a sweep client
/// errors only: a worker dying mid-sweep is expected there), one line each, no stack trace (the exception's type and
/// message). A worker's own "joined" line is written by <c>vdl worker</c>, not through this.
/// </summary>
internal sealed class OneLineLogProvider(TextWriter output, LogLevel minimum) : ILoggerProvider
{
    private readonly object gate = new();
    private readonly TextWriter writer = output;
    private readonly LogLevel minimumLevel = minimum;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(OneLineLogProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.minimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var source = category.Contains('.', StringComparison.Ordinal) ? category[(category.LastIndexOf('.') + 1)..] : category;
            var text = SweepWorker.FirstLine(formatter(state, exception));
            var cause = exception is null ? string.Empty : $" ({exception.GetType().Name}: {SweepWorker.FirstLine(exception.Message)})";
            lock (provider.gate)
            {
                provider.writer.WriteLine($"{(logLevel >= LogLevel.Error ? "error" : "warning")}: {source}: {text}{cause}");
                provider.writer.Flush();
            }
        }
    }
}
