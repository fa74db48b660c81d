using System.Globalization;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Runtime.Model;

/// <summary>
/// Random failures of one component (a machine, a host, a hypervisor, a guest OS, an application instance): the mean
/// time between failures and the mean time to repair, and the distributions they are drawn from. Whatever the
/// distribution, <see cref="Mtbf"/> stays the mean, so its parameters are derived from it (docs/simulation.md,
/// "Random failures"): Weibull λ = MTBF ÷ Γ(1 + 1/k), lognormal μ = ln MTBF − σ²/2.
/// </summary>
public sealed record FailureSpec
{
    /// <summary>Mean time between failures (up time before the next failure), in ticks.</summary>
    public required long Mtbf { get; init; }

    /// <summary>Mean time to repair (or restart), in ticks.</summary>
    public required long Mttr { get; init; }

    public FailureDistribution Distribution { get; init; } = FailureDistribution.Exponential;

    /// <summary>The Weibull shape k (1: exponential; above 1: wear-out).</summary>
    public double Shape { get; init; } = 1;

    /// <summary>The lognormal σ of the time between failures (the standard deviation of its logarithm).</summary>
    public double Sigma { get; init; } = 1;

    public RepairDistribution Repair { get; init; } = RepairDistribution.Exponential;

    /// <summary>The lognormal σ of the repair time.</summary>
    public double RepairSigma { get; init; } = 1;

    /// <summary>The long-run fraction of time up of an alternating renewal process: MTBF ÷ (MTBF + MTTR).</summary>
    public double Availability => (double)Mtbf / (Mtbf + Mttr);

    /// <summary>Draws an up time from <paramref name="stream"/>, in ticks (at least one).</summary>
    public long DrawTimeToFailure(RandomStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        double mean = Mtbf;
        var ticks = Distribution switch
        {
            FailureDistribution.Weibull => stream.Weibull(mean / GammaFunction.Gamma(1 + (1 / Shape)), Shape),
            FailureDistribution.Lognormal => stream.LogNormal(Math.Log(mean) - (Sigma * Sigma / 2), Sigma),
            _ => stream.Exponential(mean),
        };
        return ToTicks(ticks);
    }

    /// <summary>Draws a repair time from <paramref name="stream"/>, in ticks (at least one).</summary>
    public long DrawRepair(RandomStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        double mean = Mttr;
        var ticks = Repair switch
        {
            RepairDistribution.Fixed => mean,
            RepairDistribution.Lognormal => stream.LogNormal(Math.Log(mean) - (RepairSigma * RepairSigma / 2), RepairSigma),
            _ => stream.Exponential(mean),
        };
        return ToTicks(ticks);
    }

    /// <summary>What the simulator refuses in a spec built by hand (the checker's ranges keep a model inside these).</summary>
    public string? Problem()
    {
        if (Mtbf <= 0 || Mttr <= 0 || Mtbf > ScenarioLimits.MaxTime || Mttr > ScenarioLimits.MaxTime)
        {
            return $"MTBF and MTTR must be positive and at most {SimTime.Format(ScenarioLimits.MaxTime)} (MTBF {Mtbf} ticks, MTTR {Mttr} ticks)";
        }

        if (!(Shape >= 0.1 && Shape <= 20) || !(Sigma >= 0 && Sigma <= 4) || !(RepairSigma >= 0 && RepairSigma <= 4))
        {
            return string.Create(CultureInfo.InvariantCulture, $"a Weibull shape is from 0.1 to 20 and a lognormal sigma from 0 to 4 (shape {Shape}, sigma {Sigma}, repair sigma {RepairSigma})");
        }

        return null;
    }

    /// <summary>A draw as ticks: at least one (an event must move time on), at most twice the longest scenario.</summary>
    private static long ToTicks(double ticks) => (long)Math.Clamp(Math.Round(ticks), 1, 2.0 * ScenarioLimits.MaxTime);
}
