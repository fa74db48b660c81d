namespace VirtLang.Runtime.Model;

/// <summary>
/// The topology data of a generated model could not be read (it is malformed: a corrupt or foreign assembly) or made
/// an object the runtime refuses; <see cref="File"/> and <see cref="Line"/> are the <c>.vdl</c> place of the record
/// being read, when one was reached.
/// </summary>
public sealed class TopologyDataException : Exception
{
    public TopologyDataException(string? file, int line, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        File = file;
        Line = line;
    }

    public TopologyDataException()
    {
    }

    public TopologyDataException(string message)
        : base(message)
    {
    }

    public TopologyDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The model file of the record being read; null before the first record.</summary>
    public string? File { get; }

    /// <summary>Its 1-based line; 0 with no file.</summary>
    public int Line { get; }
}
