using System.Globalization;
using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Profiles;

/// <summary>
/// <c>trace("file.csv")</c>: a recorded utilization series. Each line is <c>time,level</c>: the time since the start
/// of the trace as a number with a unit (<c>90s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c>; a bare number is minutes) and the
/// level as a percentage (<c>42%</c>) or a fraction (<c>0.42</c>). Times must increase. An optional first line of
/// names (<c>time,utilization</c>), blank lines and lines starting with <c>#</c> are skipped. Between points the
/// level is interpolated linearly; the trace repeats when it runs out (a one-day trace drives a seven-day run), its
/// period being the last time plus the last interval.
/// </summary>
public sealed class TraceProfile : WorkloadProfile
{
    private readonly long[] _times;
    private readonly double[] _levels;
    private readonly long _period;

    public TraceProfile(IReadOnlyList<(long Tick, double Level)> points)
    {
        if (points.Count == 0)
        {
            throw new ArgumentException("a trace needs at least one point", nameof(points));
        }

        _times = new long[points.Count];
        _levels = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            _times[i] = points[i].Tick;
            _levels[i] = points[i].Level;
            if (i > 0 && _times[i] <= _times[i - 1])
            {
                throw new ArgumentException("trace times must increase", nameof(points));
            }
        }

        var last = _times.Length - 1;
        _period = last == 0 ? SimTime.TicksPerMinute : _times[last] + (_times[last] - _times[last - 1]);
        Peak = _levels.Max();
        var area = 0.0;
        for (var i = 0; i < _times.Length; i++)
        {
            var next = i + 1 < _times.Length ? (_times[i + 1], _levels[i + 1]) : (_period, _levels[0]);
            area += (next.Item1 - _times[i]) * (_levels[i] + next.Item2) / 2;
        }

        Mean = _times.Length == 1 ? _levels[0] : area / (_period - _times[0]);
    }

    public override double Peak { get; }

    public override double Mean { get; }

    internal override bool DependsOnSeed => false;

    public int Count => _times.Length;

    /// <summary>
    /// The largest trace file read, 16 MiB: a year of one-minute points takes about 8 MB, and the checker reads the
    /// file on every check (docs/limits.md).
    /// </summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    /// <summary>Reads and parses a trace file: what the checker does at check time and the generated model at run time.</summary>
    /// <exception cref="TraceFormatException">The file is missing, not a regular file, too large, unreadable or malformed.</exception>
    public static TraceProfile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StringReader(TraceFileReader.ReadText(path));
        return Parse(reader, path);
    }

    public static TraceProfile Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var points = new List<(long, double)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                if (points.Count == 0 && IsHeader(trimmed))
                {
                    continue;
                }

                throw new TraceFormatException(source, lineNumber, line.Length + 1, "expected 'time,level' (a comma and a second column)");
            }

            var timeText = line[..comma];
            var levelText = line[(comma + 1)..];
            if (points.Count == 0 && IsHeader(timeText.Trim()))
            {
                continue;
            }

            var time = ParseTime(timeText, source, lineNumber, 1);
            var level = ParseLevel(levelText, source, lineNumber, comma + 2);
            if (points.Count > 0 && time <= points[^1].Item1)
            {
                throw new TraceFormatException(source, lineNumber, Column(timeText, 1), $"time '{timeText.Trim()}' is not after the previous line's");
            }

            points.Add((time, level));
        }

        if (points.Count == 0)
        {
            throw new TraceFormatException(source, Math.Max(1, lineNumber), 1, "the trace has no data lines");
        }

        return new TraceProfile(points);
    }

    public override double Level(long tick, ulong seed)
    {
        var t = tick % _period;
        var i = Array.BinarySearch(_times, t);
        if (i >= 0)
        {
            return _levels[i];
        }

        var next = ~i;
        if (next == 0)
        {
            // Before the first point (the trace starts later than 0): wrap from the last point.
            return _levels[0];
        }

        if (next == _times.Length)
        {
            var lastFraction = (double)(t - _times[^1]) / (_period - _times[^1]);
            return _levels[^1] + ((_levels[0] - _levels[^1]) * lastFraction);
        }

        var fraction = (double)(t - _times[next - 1]) / (_times[next] - _times[next - 1]);
        return _levels[next - 1] + ((_levels[next] - _levels[next - 1]) * fraction);
    }

    private static bool IsHeader(string text) => text.Length > 0 && char.IsLetter(text[0]);

    private static int Column(string cell, int start) => start + (cell.Length - cell.TrimStart().Length);

    private static long ParseTime(string cell, string source, int line, int start)
    {
        var text = cell.Trim();
        var column = Column(cell, start);
        var unitStart = text.Length;
        while (unitStart > 0 && char.IsLetter(text[unitStart - 1]))
        {
            unitStart--;
        }

        if (unitStart == 0)
        {
            throw new TraceFormatException(source, line, column, $"'{text}' is not a time (a number and a unit: 90s, 15m, 2h, 1d)");
        }

        var unit = text[unitStart..];
        var ticksPerUnit = unit switch
        {
            "" or "m" => SimTime.TicksPerMinute,
            "s" => SimTime.TicksPerSecond,
            "h" => SimTime.TicksPerHour,
            "d" => SimTime.TicksPerDay,
            _ => throw new TraceFormatException(source, line, column + unitStart, $"unknown time unit '{unit}' (use s, m, h or d)"),
        };
        if (!double.TryParse(text[..unitStart], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new TraceFormatException(source, line, column, $"'{text}' is not a time (a number and a unit: 90s, 15m, 2h, 1d)");
        }

        var ticks = value * ticksPerUnit;
        if (ticks > long.MaxValue / 4)
        {
            throw new TraceFormatException(source, line, column, $"time '{text}' is too large");
        }

        return (long)Math.Round(ticks);
    }

    private static double ParseLevel(string cell, string source, int line, int start)
    {
        var text = cell.Trim();
        var column = Column(cell, start);
        var percent = text.EndsWith('%');
        var number = percent ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new TraceFormatException(source, line, column, $"'{text}' is not a level (a percentage like 42% or a fraction like 0.42)");
        }

        return percent ? value / 100 : value;
    }
}
