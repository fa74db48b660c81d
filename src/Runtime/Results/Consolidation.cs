namespace VirtLang.Runtime.Results;

/// <summary>
/// Hosts used against the hosts that one application per server would need (one per application instance): the
/// number virtualization is bought for.
/// </summary>
public sealed record Consolidation(int HostsUsed, int OneApplicationPerServerHosts)
{
    public double Ratio => HostsUsed == 0 ? 0 : (double)OneApplicationPerServerHosts / HostsUsed;
}
