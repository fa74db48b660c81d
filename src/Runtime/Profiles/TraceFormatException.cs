namespace VirtLang.Runtime.Profiles;

/// <summary>A trace file that cannot be read: where (1-based line and column) and what is wrong.</summary>
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
