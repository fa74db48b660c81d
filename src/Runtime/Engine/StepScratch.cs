namespace VirtLang.Runtime.Engine;

/// <summary>
/// The scratch of a host's step, one for the whole run: hosts step one at a time, so one set of arrays serves every
/// host and stays in the cache, where arrays of each host's own would be fetched again at every step of every host.
/// </summary>
internal sealed class StepScratch
{
    public GuestStepScratch[] Guests { get; private set; } = [];

    /// <summary>Each guest's claim on the CPU and what it got (<see cref="CpuAllocator.Share"/>).</summary>
    public double[] Want { get; private set; } = [];

    public double[] Allotted { get; private set; } = [];

    /// <summary>Each instance's demand this step, and the part it serves (<see cref="InstanceState.Demand"/>, <see cref="InstanceState.Load"/>).</summary>
    public double[] Demand { get; private set; } = [];

    public double[] Load { get; private set; } = [];

    /// <summary>Each instance's two uniform draws for its noise, summed (<see cref="Kernel.RandomStream.FillPairSums"/>).</summary>
    public double[] Draws { get; private set; } = [];

    /// <summary>Room for a host of <paramref name="guests"/> guests and <paramref name="instances"/> instances.</summary>
    public void Ensure(int guests, int instances)
    {
        if (Guests.Length < guests)
        {
            Guests = new GuestStepScratch[guests];
            Want = new double[guests];
            Allotted = new double[guests];
        }

        if (Demand.Length < instances)
        {
            Demand = new double[instances];
            Load = new double[instances];
            Draws = new double[instances];
        }
    }
}
