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

        // Every instance up, as at most steps: nothing moves (the pass below would change no load), so it is not made.
        if (application.UpInstances == application.PlacedInstances.Count)
        {
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
        Array.Clear(sites.DownDemand);
        Array.Clear(sites.Up);
        var anyDown = false;
        foreach (var instance in application.PlacedInstances)
        {
            // Through the properties: a migration may have brought an instance to a new site, whose slot grows them.
            var slot = sites.Slot(instance.Guest.Host.SiteIndex);
            if (instance.IsUp)
            {
                sites.Up[slot]++;
            }
            else
            {
                sites.DownDemand[slot] += instance.Demand;
                instance.Load = 0;
                anyDown = true;
            }
        }

        if (!anyDown)
        {
            return;
        }

        // Each slot's down demand becomes the share of each of its up instances (0 where nothing moves within it).
        var share = sites.DownDemand;
        var up = sites.Up;
        var failedOver = 0.0;
        var upTotal = 0;
        for (var slot = 0; slot < sites.Count; slot++)
        {
            upTotal += up[slot];
            if (share[slot] <= 0)
            {
                continue;
            }

            if (up[slot] > 0)
            {
                application.ShiftedDemand += share[slot] * hours;
                share[slot] /= up[slot];
                continue;
            }

            if (sites.Open[slot] is { FailedOver: true })
            {
                failedOver += share[slot];
            }

            share[slot] = 0;
        }

        var crossShare = 0.0;
        if (failedOver > 0 && upTotal > 0)
        {
            application.ShiftedDemand += failedOver * hours;
            crossShare = failedOver / upTotal;
        }

        foreach (var instance in application.PlacedInstances)
        {
            if (instance.IsUp)
            {
                instance.Load += share[sites.Slot(instance.Guest.Host.SiteIndex)] + crossShare;
            }
        }
    }
}
