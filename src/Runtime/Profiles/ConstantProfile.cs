namespace VirtLang.Runtime.Profiles;

/// <summary><c>constant(x%)</c>: the same load all the time.</summary>
public sealed class ConstantProfile(double level) : WorkloadProfile
{
    public static ConstantProfile Full { get; } = new(1.0);

    public double Value { get; } = level >= 0 ? level : throw new ArgumentOutOfRangeException(nameof(level));

    public override double Peak => Value;

    public override double Mean => Value;

    internal override bool DependsOnSeed => false;

    public override double Level(long tick, ulong seed) => Value;
}
