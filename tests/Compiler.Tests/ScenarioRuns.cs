using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Tests;

/// <summary>Starting a long scenario to see that it runs, without waiting for all of it.</summary>
internal static class ScenarioRuns
{
    /// <summary>
    /// Runs <paramref name="scenario"/> through its setup (where the simulator refuses what it cannot run) and its first
    /// hundredth, then stops: enough to show that it runs, in a test's time.
    /// </summary>
    /// <summary>Runs <paramref name="scenario"/> to its end when it has at most <paramref name="fullRunSteps"/> steps, else starts it.</summary>
    public static void RunOrStart(Topology topology, ScenarioSpec scenario, long fullRunSteps)
    {
        if (ScenarioLimits.Steps(scenario.Duration, scenario.Step) <= fullRunSteps)
        {
            Simulator.Run(topology, scenario);
        }
        else
        {
            StartWithoutFinishing(topology, scenario);
        }
    }

    public static void StartWithoutFinishing(Topology topology, ScenarioSpec scenario)
    {
        try
        {
            Simulator.Run(topology, scenario, new SimulationOptions { RecordSeries = false, Progress = _ => throw new OperationCanceledException() });
        }
        catch (OperationCanceledException)
        {
            // Told the first hundredth of the time: the run had started.
        }
    }
}
