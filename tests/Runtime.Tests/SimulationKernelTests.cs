using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Tests;

public sealed class SimulationKernelTests
{
    /// <summary>Records (time, kind) of every event it handles; can schedule more from inside a handler.</summary>
    private sealed class Recorder(Simulation simulation) : IEventTarget
    {
        public List<(long Time, int Kind)> Log { get; } = [];

        public Action<int>? OnHandle { get; set; }

        public void Handle(int kind)
        {
            Log.Add((simulation.Now, kind));
            OnHandle?.Invoke(kind);
        }
    }

    [Fact]
    public void EventsRunInTimeOrder()
    {
        var simulation = new Simulation();
        var recorder = new Recorder(simulation);
        foreach (var (delay, kind) in new[] { (50L, 5), (10L, 1), (30L, 3), (20L, 2), (40L, 4) })
        {
            simulation.Schedule(delay, recorder, kind);
        }

        simulation.RunToEnd();
        Assert.Equal([(10L, 1), (20L, 2), (30L, 3), (40L, 4), (50L, 5)], recorder.Log);
        Assert.Equal(5, simulation.ProcessedEvents);
    }

    [Fact]
    public void TiesRunByPriorityThenInTheOrderScheduled()
    {
        var simulation = new Simulation();
        var recorder = new Recorder(simulation);
        simulation.Schedule(10, recorder, 1);
        simulation.Schedule(10, recorder, 2, priority: 1);
        simulation.Schedule(10, recorder, 3);
        simulation.Schedule(10, recorder, 4, priority: -1);
        for (var k = 5; k < 105; k++)
        {
            simulation.Schedule(10, recorder, k);
        }

        simulation.RunToEnd();
        int[] expected = [4, 1, 3, .. Enumerable.Range(5, 100), 2];
        Assert.Equal(expected, recorder.Log.Select(e => e.Kind));
    }

    [Fact]
    public void ZeroDelayEventsRunAfterWhatIsAlreadyDueNow()
    {
        var simulation = new Simulation();
        var recorder = new Recorder(simulation);
        simulation.Schedule(5, recorder, 1);
        simulation.Schedule(5, recorder, 2);
        simulation.Schedule(5, recorder, 3, priority: 1);
        recorder.OnHandle = kind =>
        {
            if (kind == 1)
            {
                simulation.Schedule(0, recorder, 10); // now, behind 2 (same priority, scheduled earlier)
                simulation.Schedule(0, recorder, 11, priority: -1); // now, but more urgent than everything due
            }
        };

        simulation.RunToEnd();
        Assert.Equal([1, 11, 2, 10, 3], recorder.Log.Select(e => e.Kind));
        Assert.All(recorder.Log, e => Assert.Equal(5, e.Time));
    }

    [Fact]
    public void CancelledEventsNeverRun()
    {
        var simulation = new Simulation();
        var recorder = new Recorder(simulation);
        var first = simulation.Schedule(10, recorder, 1);
        simulation.Schedule(20, recorder, 2);
        var now = simulation.Schedule(0, recorder, 3);
        simulation.Cancel(first);
        simulation.Cancel(now);
        simulation.Cancel(default); // nothing
        simulation.RunToEnd();
        Assert.Equal([(20L, 2)], recorder.Log);
        Assert.Equal(1, simulation.ProcessedEvents);
    }

    [Fact]
    public void CancellingAnEventThatAlreadyRanDoesNothing()
    {
        var simulation = new Simulation();
        var recorder = new Recorder(simulation);
        var handle = simulation.Schedule(1, recorder, 1);
        simulation.RunUntil(1);
        simulation.Cancel(handle);
        simulation.Schedule(1, recorder, 2);
        simulation.RunToEnd();
        Assert.Equal([1, 2], recorder.Log.Select(e => e.Kind));
    }

    [Fact]
    public void RunUntilStopsAtTheTimeAndResumesLater()
    {
        var simulation = new Simulation();
        var recorder = new Recorder(simulation);
        simulation.Schedule(10, recorder, 1);
        simulation.Schedule(20, recorder, 2);
        simulation.Schedule(30, recorder, 3);
        simulation.RunUntil(20);
        Assert.Equal([1, 2], recorder.Log.Select(e => e.Kind));
        Assert.Equal(20, simulation.Now);
        simulation.RunUntil(25);
        Assert.Equal(25, simulation.Now);
        Assert.Equal(1, simulation.Pending);
        simulation.RunToEnd();
        Assert.Equal([1, 2, 3], recorder.Log.Select(e => e.Kind));
    }

    [Fact]
    public void ANegativeDelayIsRefused()
    {
        var simulation = new Simulation();
        Assert.Throws<ArgumentOutOfRangeException>(() => simulation.Schedule(-1, new Recorder(simulation), 0));
    }

    [Fact]
    public void TheHeapMatchesASortOnRandomSchedules()
    {
        var random = new RandomStream(7, 0);
        var simulation = new Simulation();
        var recorder = new Recorder(simulation);
        var expected = new List<(long Time, int Priority, int Order)>();
        for (var i = 0; i < 20_000; i++)
        {
            var delay = (long)(random.NextDouble() * 1000);
            var priority = (int)(random.NextDouble() * 3);
            simulation.Schedule(delay, recorder, i, priority);
            expected.Add((delay, priority, i));
        }

        simulation.RunToEnd();
        var order = expected.OrderBy(e => e.Time).ThenBy(e => e.Priority).ThenBy(e => e.Order).Select(e => e.Order);
        Assert.Equal(order, recorder.Log.Select(e => e.Kind));
    }

    [Fact]
    public void CancellingAStaleHandleLeavesTheEventThatReusedItsSlotAlone()
    {
        var simulation = new Simulation();
        var recorder = new Recorder(simulation);
        var ran = simulation.Schedule(1, recorder, 1);
        simulation.RunUntil(1);
        var next = simulation.Schedule(1, recorder, 2);
        Assert.Equal(ran.Slot, next.Slot); // the freed slot went to the next event: the case under test
        simulation.Cancel(ran);
        simulation.RunToEnd();
        Assert.Equal([1, 2], recorder.Log.Select(e => e.Kind));
    }

    [Fact]
    public void CancellingTheEventBeingHandledDoesNothingAndPendingLeavesItOut()
    {
        var simulation = new Simulation();
        var recorder = new Recorder(simulation);
        var pendingSeen = new List<int>();
        EventHandle first = default;
        recorder.OnHandle = kind =>
        {
            pendingSeen.Add(simulation.Pending);
            if (kind == 1)
            {
                simulation.Cancel(first);
                simulation.Schedule(3, recorder, 3);
            }
        };
        first = simulation.Schedule(1, recorder, 1);
        simulation.Schedule(2, recorder, 2);
        simulation.RunToEnd();
        Assert.Equal([(1L, 1), (2L, 2), (4L, 3)], recorder.Log);
        Assert.Equal([1, 1, 0], pendingSeen);
    }

    [Theory]
    [InlineData(-8_388_609)]
    [InlineData(8_388_608)]
    public void APriorityOutsideTheKeysRangeIsRefused(int priority)
    {
        var simulation = new Simulation();
        Assert.Throws<ArgumentOutOfRangeException>(() => simulation.Schedule(1, new Recorder(simulation), 0, priority));
        simulation.Schedule(1, new Recorder(simulation), 0, -8_388_608);
        simulation.Schedule(1, new Recorder(simulation), 0, 8_388_607);
        Assert.Equal(2, simulation.Pending);
    }

    [Fact]
    public void HandlersThatScheduleAndCancelAtRandomRunAsOnTheReferenceKernel()
    {
        var ours = Script(new Simulation());
        var reference = Script(new ReferenceKernel());
        Assert.True(ours.Count > 10_000, $"{ours.Count} events");
        Assert.Equal(reference, ours);
    }

    /// <summary>
    /// Events whose handlers schedule 0 to 3 more (now or soon, priorities −1 to 1) and cancel a handle drawn from all
    /// they were given (pending, already run, or already cancelled); the draws come in the order of the events, so the
    /// logs agree only if every event ran at the same place.
    /// </summary>
    private static List<(long Time, int Kind)> Script(IKernel kernel)
    {
        var random = new RandomStream(11, 0);
        var handles = new List<EventHandle>();
        var log = new List<(long Time, int Kind)>();
        var target = new ScriptedTarget();
        target.OnHandle = kind =>
        {
            log.Add((kernel.Now, kind));
            if (handles.Count < 30_000)
            {
                for (var n = (int)(random.NextDouble() * 4); n > 0; n--)
                {
                    var delay = (long)(random.NextDouble() * 3) * 5;
                    var priority = (int)(random.NextDouble() * 3) - 1;
                    handles.Add(kernel.Schedule(delay, target, handles.Count, priority));
                }
            }

            if (random.NextDouble() < 0.3)
            {
                kernel.Cancel(handles[(int)(random.NextDouble() * handles.Count)]);
            }
        };
        for (var i = 0; i < 20; i++)
        {
            handles.Add(kernel.Schedule(i % 4, target, handles.Count, (i % 3) - 1));
        }

        kernel.RunUntil(long.MaxValue);
        return log;
    }

    private sealed class ScriptedTarget : IEventTarget
    {
        public Action<int> OnHandle { get; set; } = _ => { };

        public void Handle(int kind) => OnHandle(kind);
    }
}
