namespace VirtLang.Runtime.Profiles;

/// <summary>
/// How an application's load varies over time, as a fraction of its declared demand (1 = the whole <c>cpu</c>).
/// A profile is a pure function of the time and the instance's seed, so sampling it in any order gives the same
/// values and nothing has to be stored per instance. Time 0 is a Monday at midnight.
/// </summary>
public abstract class WorkloadProfile
{
    /// <summary>The load at <paramref name="tick"/> (simulated microseconds since the start) for the instance seeded with <paramref name="seed"/>.</summary>
    public abstract double Level(long tick, ulong seed);

    /// <summary>The largest level the profile reaches: what the checker compares with a guest's capacity.</summary>
    public abstract double Peak { get; }

    /// <summary>The long-run mean level: what the checker's utilization estimate uses.</summary>
    public abstract double Mean { get; }

    /// <summary>
    /// Whether <see cref="Level"/> reads the instance's seed. One that does not gives every instance of an application
    /// the same level at a tick, so the simulator computes it once per step for all of them; a profile from outside
    /// this assembly is assumed to read it.
    /// </summary>
    internal virtual bool DependsOnSeed => true;
}
