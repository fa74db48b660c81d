namespace VirtLang.Runtime.Costs;

/// <summary>
/// How much longer work takes on a busy host than on an idle one, before the host saturates: the M/M/c response time
/// over the service time, 1 + Wq/S, with Sakasegawa's approximation (1977) of the mean queue length,
/// Lq ≈ ρ^√(2(c+1)) ÷ (1 − ρ). Past saturation the simulator already stretches work by what it is not given; the
/// utilization is held at <see cref="MaxUtilization"/> so the factor stays finite (about 2.7 on 10 cores, 20 on one).
/// </summary>
public static class QueueingDelay
{
    public const double MaxUtilization = 0.95;

    /// <summary>The response-time factor at <paramref name="utilization"/> of <paramref name="servers"/> cores (at least one).</summary>
    public static double ResponseFactor(double utilization, double servers)
    {
        var rho = Math.Clamp(utilization, 0, MaxUtilization);
        if (rho <= 0)
        {
            return 1;
        }

        var c = Math.Max(1, Math.Floor(servers));
        return 1 + (Math.Pow(rho, Math.Sqrt(2 * (c + 1)) - 1) / (c * (1 - rho)));
    }
}
