namespace VirtLang.Sweeps;

/// <summary>
/// Bytes that are not a model bundle or a replication summary of ours (truncated, corrupted, of another version, or
/// past the bounds of docs/limits.md): what a worker or a coordinator says instead of crashing on someone's bytes.
/// </summary>
public sealed class SweepDataException : Exception
{
    public SweepDataException()
    {
    }

    public SweepDataException(string message)
        : base(message)
    {
    }

    public SweepDataException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
