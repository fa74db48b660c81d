namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// The cluster could not do what a sweep asked: Redis unreachable, no worker joined in time, or a batch failed on
/// every attempt. The message is for people (the CLI prints it as it is, without a stack trace).
/// </summary>
public sealed class SweepClusterException : Exception
{
    public SweepClusterException()
    {
    }

    public SweepClusterException(string message) : base(message)
    {
    }

    public SweepClusterException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
