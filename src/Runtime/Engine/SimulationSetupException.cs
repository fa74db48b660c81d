namespace VirtLang.Runtime.Engine;

/// <summary>A topology or scenario the simulator cannot run (an event naming nothing, a step of zero...), with every problem found.</summary>
public sealed class SimulationSetupException : Exception
{
    public SimulationSetupException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public SimulationSetupException()
    {
        Problems = [];
    }

    public SimulationSetupException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public SimulationSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
