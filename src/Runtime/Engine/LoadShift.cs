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
}
