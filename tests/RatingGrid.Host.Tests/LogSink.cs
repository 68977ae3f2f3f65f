using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RatingGrid.Host.Tests;

/// <summary>Keeps what a host logs, so that a test can wait for the host to say something.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();
    private TaskCompletionSource _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ILogger CreateLogger(string categoryName) => new Sink(this);

    /// <summary>Completes once a message matching <paramref name="matches"/> has been logged (at most a minute).</summary>
    public async Task WaitForAsync(Func<string, bool> matches, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(1));
        while (true)
        {
            var logged = Volatile.Read(ref _logged).Task;
            if (_messages.Any(matches))
            {
                return;
            }

            await logged.WaitAsync(deadline.Token);
        }
    }

    public void Dispose()
    {
    }

    private void Add(string message)
    {
        _messages.Enqueue(message);
        Interlocked.Exchange(ref _logged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private sealed class Sink(LogSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Add(formatter(state, exception));
    }
}
