namespace VirtLang.Runtime.Model;

/// <summary>How a repair or restart time is drawn (its mean is always the MTTR).</summary>
public enum RepairDistribution
{
    Exponential,
    Fixed,
    Lognormal,
}
