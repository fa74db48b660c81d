namespace VirtLang.Runtime.Model;

/// <summary>A virtual machine or a container: a named place that runs applications on a host.</summary>
public abstract class GuestSpec
{
    public required string Name { get; init; }

    public IReadOnlyList<ApplicationSpec> Runs { get; init; } = [];

    /// <summary>Its place in the order of HA restarts when its host fails in a cluster with HA (default medium).</summary>
    public RestartPriority RestartPriority { get; init; }

    public override string ToString() => Name;
}
