using System.Diagnostics.Tracing;
using System.Globalization;

namespace VirtLang.Benchmarks;

/// <summary>
/// The runtime's own record of each collection while it listens (<c>check-scale N --gc</c>): its generation, why it
/// ran, how many bytes it promoted out of each generation, and how long the runtime was suspended. Counts alone do
/// not say whether a check's collections are many and cheap or few and expensive.
/// </summary>
internal sealed class GcEventLog : EventListener
{
    private const int GcStart = 1;
    private const int GcHeapStats = 4;
    private const int SuspendEnd = 8;
    private const int RestartEnd = 3;
    private const int AllocationTick = 10;

    private readonly List<string> _lines = [];
    private readonly Dictionary<string, long> _allocatedByType = [];
    private long _suspended;
    private string _start = string.Empty;

    public bool Recording { get; set; }

    /// <summary>The types allocated most while recording, by sampled bytes, largest first.</summary>
    public IEnumerable<(string Type, long Bytes)> TopAllocations(int count)
    {
        lock (_lines)
        {
            return [.. _allocatedByType.OrderByDescending(t => t.Value).Take(count).Select(t => (t.Key, t.Value))];
        }
    }

    /// <summary>The collections recorded since the last call, one line each.</summary>
    public IReadOnlyList<string> Take()
    {
        lock (_lines)
        {
            var lines = _lines.ToArray();
            _lines.Clear();
            return lines;
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // Verbose for the allocation ticks: about every 100 KB allocated, the type of the object that crossed it.
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!Recording || e.Payload is null)
        {
            return;
        }

        switch (e.EventId)
        {
            case AllocationTick:
                // AllocationAmount, AllocationKind, ClrInstanceID, AllocationAmount64, TypeID, TypeName, ...
                lock (_lines)
                {
                    var type = e.Payload[5] as string ?? "?";
                    _allocatedByType[type] = _allocatedByType.GetValueOrDefault(type) + Convert.ToInt64(e.Payload[3], CultureInfo.InvariantCulture);
                }

                break;
            case SuspendEnd:
                _suspended = e.TimeStamp.Ticks;
                break;
            case GcStart:
                _start = string.Create(CultureInfo.InvariantCulture, $"gen{e.Payload[1]} (reason {e.Payload[2]})");
                break;
            case GcHeapStats:
                // GenerationSize0, TotalPromotedSize0, GenerationSize1, TotalPromotedSize1, GenerationSize2, TotalPromotedSize2, ...
                _start += string.Create(CultureInfo.InvariantCulture,
                    $" promoted from gen0 {Convert.ToInt64(e.Payload[1], CultureInfo.InvariantCulture) / 1e6:F1} MB, gen1 {Convert.ToInt64(e.Payload[3], CultureInfo.InvariantCulture) / 1e6:F1} MB; gen2 now {Convert.ToInt64(e.Payload[4], CultureInfo.InvariantCulture) / 1e6:F0} MB, LOH {Convert.ToInt64(e.Payload[6], CultureInfo.InvariantCulture) / 1e6:F0} MB");
                break;
            case RestartEnd:
                lock (_lines)
                {
                    _lines.Add(string.Create(CultureInfo.InvariantCulture, $"{_start}, suspended {(e.TimeStamp.Ticks - _suspended) / 1e4:F1} ms"));
                }

                break;
        }
    }
}
