#if SIMSHARP
using SimSharp;
using static SimSharp.Distributions;
using SimSharpSimulation = SimSharp.Simulation;

namespace VirtLang.Benchmarks.MachineShop;

/// <summary>
/// The Machine Shop on Sim# 3.4.2, process for process as Sim#'s own benchmark writes it (src/Benchmark/
/// MachineShopBenchmark.cs, MIT): machines and the repairman's other jobs are iterator processes, the repairman a
/// <see cref="PreemptiveResource"/>, breakdowns interrupts, seed 42, Sim#'s own random stream. Only what the benchmark
/// logs is returned instead (parts and events), and only <c>Run</c> is timed, as Sim# times itself.
/// Compiled only with <c>-p:SimSharpSource=DIR</c> (bench/SimSharp.FromSource).
/// </summary>
public static class SimSharpMachineShop
{
    private const int RandomSeed = 42;
    private const double RepairMinutes = 30.0;
    private const double OtherJobMinutes = 30.0;
    private static readonly NormalTime ProcessingTime = N(TimeSpan.FromMinutes(10.0), TimeSpan.FromMinutes(2.0));
    private static readonly ExponentialTime Failure = EXP(TimeSpan.FromMinutes(300.0));

    /// <summary>Builds the shop for <paramref name="days"/>; the caller times <c>Run</c> alone, as Sim#'s benchmark does.</summary>
    public static (Action Run, Func<long[]> PartsMade, Func<long> Events) Prepare(int days)
    {
        var env = new SimSharpSimulation(new DateTime(2014, 2, 1), RandomSeed) { Logger = null };
        var repairman = new PreemptiveResource(env, 1);
        var machines = Enumerable.Range(0, MachineShopModel.MachineCount).Select(_ => new Machine(env, repairman)).ToArray();
        env.Process(OtherJobs(env, repairman));
        return (() => env.Run(TimeSpan.FromDays(days)), () => [.. machines.Select(m => m.PartsMade)], () => env.ProcessedEvents);
    }

    private static IEnumerable<Event> OtherJobs(SimSharpSimulation env, PreemptiveResource repairman)
    {
        while (true)
        {
            var doneIn = TimeSpan.FromMinutes(OtherJobMinutes);
            while (doneIn > TimeSpan.Zero)
            {
                // Lower priority than repairs, which pre-empt it; it resumes with the work it has left.
                using var request = repairman.Request(priority: 2);
                yield return request;
                var start = env.Now;
                yield return env.Timeout(doneIn);
                doneIn = env.ActiveProcess.HandleFault() ? doneIn - (env.Now - start) : TimeSpan.Zero;
            }
        }
    }

    private sealed class Machine : ActiveObject<SimSharpSimulation>
    {
        private readonly Process _working;
        private bool _broken;

        public Machine(SimSharpSimulation env, PreemptiveResource repairman)
            : base(env)
        {
            _working = env.Process(Working(repairman));
            env.Process(BreakMachine());
        }

        public long PartsMade { get; private set; }

        private IEnumerable<Event> Working(PreemptiveResource repairman)
        {
            while (true)
            {
                var doneIn = Environment.Rand(ProcessingTime);
                while (doneIn > TimeSpan.Zero)
                {
                    var start = Environment.Now;
                    yield return Environment.Timeout(doneIn);
                    if (Environment.ActiveProcess.HandleFault())
                    {
                        _broken = true;
                        doneIn -= Environment.Now - start;
                        using (var request = repairman.Request(priority: 1, preempt: true))
                        {
                            yield return request;
                            yield return Environment.Timeout(TimeSpan.FromMinutes(RepairMinutes));
                        }

                        _broken = false;
                    }
                    else
                    {
                        doneIn = TimeSpan.Zero;
                    }
                }

                PartsMade++;
            }
        }

        private IEnumerable<Event> BreakMachine()
        {
            while (true)
            {
                yield return Environment.Timeout(Failure);
                if (!_broken)
                {
                    _working.Interrupt();
                }
            }
        }
    }
}
#endif
