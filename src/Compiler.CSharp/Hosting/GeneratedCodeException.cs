namespace VirtLang.Compiler.Hosting;

/// <summary>
/// The generated code did not compile or failed while building the model: a bug of ours, reported with the places of
/// the model it maps back to (through the place of each record of the topology's data), never as a raw stack trace.
/// </summary>
public sealed class GeneratedCodeException : Exception
{
    public GeneratedCodeException(string message, IReadOnlyList<string> problems)
        : base(message)
    {
        Problems = problems;
    }

    public GeneratedCodeException()
    {
        Problems = [];
    }

    public GeneratedCodeException(string message)
        : base(message)
    {
        Problems = [];
    }

    public GeneratedCodeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Each problem as <c>file(line,column): message</c>, at the model's lines.</summary>
    public IReadOnlyList<string> Problems { get; }
}
