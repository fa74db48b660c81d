using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Engine;

/// <summary>
/// One component that fails at random during a run: what it takes down, its failure figures, and its own random
/// stream, seeded from the scenario's seed and a stable hash of its kind and name (<see cref="StreamNumber"/>), so that
/// adding or removing another component never changes its draws.
/// </summary>
internal sealed class FailureComponent
{
    public FailureComponent(FailureComponentKind kind, string name, FailureSpec spec, ulong seed, HostState host, GuestState? guest = null, InstanceState? instance = null)
    {
        Kind = kind;
        Name = name;
        Spec = spec;
        Host = host;
        Guest = guest;
        Instance = instance;
        Stream = new RandomStream(seed, StreamNumber(kind, name));
    }

    public FailureComponentKind Kind { get; }

    /// <summary>Its identity and the subject of its log events: the host, the VM, or <c>APP@GUEST</c> for an instance.</summary>
    public string Name { get; }

    public FailureSpec Spec { get; }

    public HostState Host { get; }

    public GuestState? Guest { get; }

    public InstanceState? Instance { get; }

    public RandomStream Stream { get; }

    /// <summary>
    /// FNV-1a (64 bits) of "random-failure/KIND/NAME": a pure function of the component's identity, the same on every
    /// machine and .NET version (string.GetHashCode is randomized per process), far from the small numbers the hosts'
    /// demand streams use.
    /// </summary>
    public static ulong StreamNumber(FailureComponentKind kind, string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in $"random-failure/{kind}/{name}")
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
