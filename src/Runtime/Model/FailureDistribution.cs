namespace VirtLang.Runtime.Model;

/// <summary>How the time between failures of a component is drawn (its mean is always the MTBF).</summary>
public enum FailureDistribution
{
    Exponential,
    Weibull,
    Lognormal,
}
