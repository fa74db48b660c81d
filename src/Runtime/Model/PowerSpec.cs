namespace VirtLang.Runtime.Model;

/// <summary>A host's power draw, idle and at full load; in between it is linear in utilization.</summary>
public sealed record PowerSpec(double IdleWatts, double MaxWatts)
{
    /// <summary>Used when a model says nothing: a typical two-socket server (assumption, see docs/simulation.md).</summary>
    public static PowerSpec Default { get; } = new(100, 400);

    public double WattsAt(double utilization) => IdleWatts + ((MaxWatts - IdleWatts) * utilization);
}
