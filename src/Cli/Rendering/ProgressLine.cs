using System.Globalization;
using VirtLang.Runtime.Kernel;

namespace VirtLang.Cli.Rendering;

/// <summary>
/// The run's progress line: simulated time and an estimate of what is left, rewritten in place on standard error, only
/// when it is a terminal (redirected output, CI and the tests stay free of it). Cleared when the run ends; ended with
/// a newline when Ctrl-C interrupts it, so the shell's prompt starts on a line of its own.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    private readonly TextWriter? _terminal;
    private readonly long _duration;
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private bool _shown;

    private ProgressLine(TextWriter? terminal, long duration)
    {
        _terminal = terminal;
        _duration = duration;
        if (_terminal is not null)
        {
            Console.CancelKeyPress += OnCancel;
        }
    }

    public static ProgressLine Start(CliContext context, long duration) =>
        new(Console.IsErrorRedirected || context.Error != Console.Error ? null : context.Error, duration);

    /// <summary>What the simulator calls with the simulated time reached; null when nothing is shown.</summary>
    public Action<long>? Report => _terminal is null ? null : Show;

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

    private void Show(long now)
    {
        var done = (double)now / _duration;
        var left = done > 0 ? _watch.Elapsed.TotalSeconds * (1 - done) / done : 0;
        var bar = new string('#', (int)(done * 30)).PadRight(30, '.');
        lock (_gate)
        {
            _terminal!.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{bar}] {SimTime.Format(now)} of {SimTime.Format(_duration)} simulated, about {left:0}s left"));
            _shown = true;
        }
    }

    /// <summary>
    /// Ctrl-C: end the line, then let the default handling terminate the process (killed by SIGINT: the shell reports
    /// exit status 130).
    /// </summary>
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
