namespace VirtLang.Runtime.Model;

/// <summary>A virtual machine or a container: a named place that runs applications on a host.</summary>
public abstract class GuestSpec
{
    public required string Name { get; init; }

    public IReadOnlyList<ApplicationSpec> Runs { get; init; } = [];

    public override string ToString() => Name;
}
