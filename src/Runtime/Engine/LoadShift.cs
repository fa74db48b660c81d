namespace VirtLang.Runtime.Engine;

/// <summary>
/// Load shift: while an instance of an application is down, its demand goes to the application's instances that are
/// up, in equal shares (a load balancer spreading requests over the replicas it sees healthy). Each survivor then asks
/// its guest for that much more; what its vCPUs, its container limit or its host cannot give is not delivered, as for
/// its own demand. With every instance down nothing moves and nothing is served.
/// </summary>
internal static class LoadShift
{
    /// <summary>
    /// Sets each instance's load for this step from the demands just drawn and which instances are up now, and counts
    /// the demand moved over the step's <paramref name="hours"/>.
    /// </summary>
    public static void Distribute(ApplicationState application, double hours)
    {
        if (application.Sites is { } sites)
        {
            DistributeBySite(application, sites, hours);
            return;
        }

        var shifted = 0.0;
        var up = 0;
        foreach (var instance in application.PlacedInstances)
        {
            if (instance.IsUp)
            {
                up++;
            }
            else
            {
                shifted += instance.Demand;
                instance.Load = 0;
            }
        }

        if (up == 0 || shifted <= 0)
        {
            return;
        }

        application.ShiftedDemand += shifted * hours;
        var share = shifted / up;
        foreach (var instance in application.PlacedInstances)
        {
            if (instance.IsUp)
            {
                instance.Load += share;
            }
        }
    }

    /// <summary>
    /// With sites: a down instance's demand goes to the up instances of its own site at once. A site with none up keeps
    /// its demand unserved until its failover has completed (<see cref="SiteFailover"/>: the application's recovery time
    /// objective after it lost its last instance there); then that demand goes to every up instance, all in other sites.
    /// </summary>
    private static void DistributeBySite(ApplicationState application, ApplicationSites sites, double hours)
    {
        var down = sites.DownDemand;
        Array.Clear(down);
        var up = new Span<int>(sites.Up);
        up.Clear();
        var anyDown = false;
        foreach (var instance in application.PlacedInstances)
        {
            var site = instance.Guest.Host.SiteIndex;
            if (instance.IsUp)
            {
                up[site]++;
            }
            else
            {
                down[site] += instance.Demand;
                instance.Load = 0;
                anyDown = true;
            }
        }

        if (!anyDown)
        {
            return;
        }

        var failedOver = 0.0;
        var upTotal = 0;
        for (var site = 0; site < down.Length; site++)
        {
            upTotal += up[site];
            if (down[site] <= 0)
            {
                continue;
            }

            if (up[site] > 0)
            {
                application.ShiftedDemand += down[site] * hours;
                var share = down[site] / up[site];
                foreach (var instance in application.PlacedInstances)
                {
                    if (instance.IsUp && instance.Guest.Host.SiteIndex == site)
                    {
                        instance.Load += share;
                    }
                }
            }
            else if (sites.Open[site] is { FailedOver: true })
            {
                failedOver += down[site];
            }
        }

        if (failedOver <= 0 || upTotal == 0)
        {
            return;
        }

        application.ShiftedDemand += failedOver * hours;
        var crossShare = failedOver / upTotal;
        foreach (var instance in application.PlacedInstances)
        {
            if (instance.IsUp)
            {
                instance.Load += crossShare;
            }
        }
    }
}
