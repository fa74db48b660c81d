using BenchmarkDotNet.Attributes;
using VirtLang.Benchmarks.MachineShop;
using VirtLang.Runtime.Kernel;

namespace VirtLang.Benchmarks;

/// <summary>
/// 30 days of the Machine Shop (about 38,000 events) on our kernel and on the PriorityQueue baseline, with the
/// memory diagnoser: what a run allocates is the model's setup, not a cost per event.
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private static readonly long Until = 30 * SimTime.TicksPerDay;

    [Benchmark(Baseline = true, Description = "PriorityQueue baseline")]
    public long Baseline()
    {
        var kernel = new PriorityQueueKernel();
        var model = new MachineShopModel(kernel, MachineShopRunner.Seed);
        model.Start();
        kernel.RunUntil(Until);
        return kernel.ProcessedEvents;
    }

    [Benchmark(Description = "VirtLang kernel")]
    public long Ours()
    {
        var simulation = new Simulation();
        var model = new MachineShopModel(simulation, MachineShopRunner.Seed);
        model.Start();
        simulation.RunUntil(Until);
        return simulation.ProcessedEvents;
    }
}
