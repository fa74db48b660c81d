namespace VirtLang.Runtime.Profiles;

/// <summary>A trace file that cannot be read: where (1-based line and column; 0 for the file as a whole) and what is wrong.</summary>
public sealed class TraceFormatException : Exception
{
    public TraceFormatException(string source, int line, int column, string problem)
        : base($"{source}({line},{column}): {problem}")
    {
        Source = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>A problem with the file as a whole (missing, a directory, too large): no line or column (both 0).</summary>
    public TraceFormatException(string source, string problem)
        : base($"{source}: {problem}")
    {
        Source = source;
        Problem = problem;
    }

    public TraceFormatException()
    {
        Source = Problem = string.Empty;
    }

    public TraceFormatException(string message)
        : base(message)
    {
        Source = Problem = string.Empty;
    }

    public TraceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Source = Problem = string.Empty;
    }

    public new string Source { get; }

    public int Line { get; }

    public int Column { get; }

    public string Problem { get; }
}
