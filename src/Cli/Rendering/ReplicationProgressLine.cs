using System.Globalization;

namespace VirtLang.Cli.Rendering;

/// <summary>
/// A sweep's progress bar: replications done of those asked and an estimate of the time left, rewritten in place on
/// standard error only when it is a terminal (a pipe, CI and the tests see nothing), at most ten times a second.
/// Cleared when the sweep ends; ended with a newline on Ctrl-C, as <see cref="ProgressLine"/> does.
/// </summary>
internal sealed class ReplicationProgressLine : IProgress<int>, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly TextWriter? _terminal;
    private readonly int _total;
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan _last;
    private bool _shown;

    private ReplicationProgressLine(TextWriter? terminal, int total)
    {
        _terminal = terminal;
        _total = total;
        if (_terminal is not null)
        {
            Console.CancelKeyPress += OnCancel;
        }
    }

    public static ReplicationProgressLine Start(CliContext context, int total) =>
        new(Console.IsErrorRedirected || context.Error != Console.Error ? null : context.Error, total);

    /// <summary>Told the number of replications done, from any thread.</summary>
    public void Report(int value)
    {
        if (_terminal is null)
        {
            return;
        }

        lock (_gate)
        {
            var now = _watch.Elapsed;
            if (_shown && now - _last < Interval && value < _total)
            {
                return;
            }

            _last = now;
            var done = (double)value / _total;
            var left = done > 0 ? now.TotalSeconds * (1 - done) / done : 0;
            var bar = new string('#', (int)(done * 30)).PadRight(30, '.');
            _terminal.Write(value == 0
                ? string.Create(CultureInfo.InvariantCulture, $"\r[{bar}] 0 of {_total:N0} replications, starting")
                : string.Create(CultureInfo.InvariantCulture, $"\r[{bar}] {value:N0} of {_total:N0} replications, about {left:0}s left"));
            _shown = true;
        }
    }

    /// <summary>Erases the line, for what is printed next.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            if (_shown)
            {
                _terminal!.Write("\r\u001b[K");
                _shown = false;
            }
        }
    }

    public void Dispose()
    {
        if (_terminal is not null)
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        lock (_gate)
        {
            if (_shown)
            {
                _terminal!.WriteLine();
                _terminal.Flush();
                _shown = false;
            }
        }
    }
}
