using BenchmarkDotNet.Attributes;
using VirtLang.Benchmarks.MachineShop;
using VirtLang.Runtime.Kernel;

namespace VirtLang.Benchmarks;

/// <summary>
/// The Machine Shop for 30 and for 120 days (about 38,000 and 153,000 events) on our kernel and on the
/// PriorityQueue baseline, with the memory diagnoser: when four times the events allocate the same bytes, nothing
/// is allocated per event; what remains is the model's setup.
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    [Params(30, 120)]
    public int Days { get; set; }

    private long Until => Days * SimTime.TicksPerDay;

    [Benchmark(Baseline = true, Description = "PriorityQueue baseline")]
    public long Baseline() => Run(new PriorityQueueKernel());

    [Benchmark(Description = "VirtLang kernel")]
    public long Ours() => Run(new Simulation());

    private long Run(IKernel kernel)
    {
        MachineShopRunner.Simulate(kernel, Until);
        return kernel.ProcessedEvents;
    }
}
