namespace VirtLang.Runtime.Engine;

/// <summary>One application instance in one guest: the unit of demand.</summary>
internal sealed class InstanceState(ApplicationState application, ulong seed)
{
    public ApplicationState Application { get; } = application;

    /// <summary>The instance's own seed for its profile (spikes at its own moments).</summary>
    public ulong Seed { get; } = seed;

    public int IoIndex { get; } = (int)application.Spec.Io;

    /// <summary>This step's demand in cores (scratch, rewritten every step).</summary>
    public double Demand { get; set; }
}
