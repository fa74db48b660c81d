using System.Globalization;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Engine;

/// <summary>
/// One pre-copy live migration (Clark et al., NSDI 2005). Round 0 sends the VM's memory while it runs; each next
/// round sends what it dirtied during the previous one. Iterating stops when what is left could be sent within the
/// downtime target, when a round no longer shrinks, or after the maximum of rounds or of bytes sent; then the VM is paused and the
/// rest is sent (stop-and-copy), and it resumes on the target after a fixed resume cost. Its downtime is that pause.
/// The pace is its share of the hosts' links (<see cref="MigrationLinks"/>), which can change mid-round.
/// </summary>
internal sealed class LiveMigration : IEventTarget
{
    private const int PhaseSent = 0;
    private const int Resumed = 1;
    private const int FingerprintKindBase = 5;

    private readonly SimulationRun _run;
    private readonly MigrationLinks _links;
    private readonly int _eventIndex;
    private readonly long _memoryBytes;
    private EventHandle _pending;
    private double _bitsPerSecond;
    private double _bytesLeft;
    private double _roundBytes;
    private long _lastProgress;
    private long _roundStart;
    private long _startedAt;
    private double _bytesSent;
    private int _rounds;
    private bool _stopAndCopy;
    private long _pausedAt;
    private double _finalBytes;
    private string _stopReason = string.Empty;

    public LiveMigration(SimulationRun run, MigrationLinks links, int eventIndex, GuestState guest, HostState target)
    {
        _run = run;
        _links = links;
        _eventIndex = eventIndex;
        Guest = guest;
        Source = guest.Host;
        Target = target;
        _memoryBytes = guest.Spec is VirtualMachineSpec { MemoryBytes: > 0 } vm ? vm.MemoryBytes : guest.AppMemoryBytes;
    }

    public GuestState Guest { get; }

    public HostState Source { get; }

    public HostState Target { get; }

    private long Now => _run.Kernel.Now;

    /// <summary>Starts round 0 and says how it starts, for the log.</summary>
    public string Start()
    {
        Guest.Migrating = true;
        _startedAt = _roundStart = _lastProgress = Now;
        _bytesLeft = _roundBytes = _memoryBytes;
        _links.Join(this);
        var sharing = _links.CountUsing(Source) + _links.CountUsing(Target) - 2;
        return string.Create(CultureInfo.InvariantCulture,
            $"to {Target.Spec.Name}: {Gib(_memoryBytes)} GiB pre-copy at {_bitsPerSecond / 1e9:0.##} Gbps{(sharing > 0 ? $" (links shared with {sharing} other migration{(sharing == 1 ? string.Empty : "s")})" : string.Empty)}, dirtying {DirtyBitsPerSecond() / 1e6:0.#} Mbps");
    }

    /// <summary>Credits what was sent since the last call at the current pace.</summary>
    public void Progress(long now)
    {
        var sent = Math.Min(_bytesLeft, _bitsPerSecond / 8 * SimTime.ToSeconds(now - _lastProgress));
        _bytesLeft -= sent;
        _bytesSent += sent;
        _lastProgress = now;
    }

    /// <summary>A new share of the links: the current phase ends when its bytes are sent at this pace.</summary>
    public void SetRate(double bitsPerSecond)
    {
        _bitsPerSecond = bitsPerSecond;
        _run.Kernel.Cancel(_pending);
        var seconds = _bytesLeft * 8 / bitsPerSecond;
        _pending = _run.Kernel.Schedule((long)Math.Ceiling(seconds * SimTime.TicksPerSecond), this, PhaseSent, SimulationRun.ScenarioPriority);
    }

    public void Handle(int kind)
    {
        _run.Fingerprint.Add(Now, FingerprintKindBase + kind, _eventIndex);
        if (kind == Resumed)
        {
            Resume();
            return;
        }

        Progress(Now);
        _pending = default;
        if (!Source.IsUp || !Target.IsUp || (!_stopAndCopy && !Guest.IsUp))
        {
            Abort();
            return;
        }

        if (_stopAndCopy)
        {
            Move();
            return;
        }

        EndRound();
    }

    private void EndRound()
    {
        _rounds++;
        var dirtied = Math.Min(_memoryBytes, DirtyBitsPerSecond() / 8 * SimTime.ToSeconds(Now - _roundStart));
        var timings = _run.Options.Timings;
        var withinTarget = _bitsPerSecond / 8 * SimTime.ToSeconds(timings.MigrationDowntimeTarget);
        if (dirtied <= withinTarget)
        {
            StopAndCopy(dirtied, string.Empty);
        }
        else if (dirtied >= _roundBytes)
        {
            StopAndCopy(dirtied, string.Create(CultureInfo.InvariantCulture,
                $"did not converge (dirtying {DirtyBitsPerSecond() / 1e6:0.#} Mbps against {_bitsPerSecond / 1e6:0.#} Mbps of link): rounds stopped shrinking; "));
        }
        else if (_rounds >= timings.MigrationMaxRounds)
        {
            StopAndCopy(dirtied, $"did not converge in the maximum of {timings.MigrationMaxRounds} rounds; ");
        }
        else if (_bytesSent >= timings.MigrationMaxSentFactor * _memoryBytes)
        {
            StopAndCopy(dirtied, string.Create(CultureInfo.InvariantCulture, $"did not converge before sending {timings.MigrationMaxSentFactor:0.##}x its memory; "));
        }
        else
        {
            _roundStart = Now;
            _bytesLeft = _roundBytes = dirtied;
            SetRate(_bitsPerSecond);
        }
    }

    private void StopAndCopy(double bytes, string reason)
    {
        _stopReason = reason;
        _stopAndCopy = true;
        _pausedAt = Now;
        _finalBytes = bytes;
        _run.TakeDown(Guest);
        _bytesLeft = _roundBytes = bytes;
        SetRate(_bitsPerSecond);
    }

    private void Move()
    {
        _links.Leave(this);
        Source.Guests.Remove(Guest);
        Target.Guests.Add(Guest);
        Guest.Host = Target;
        Source.MemoryChanged();
        Target.MemoryChanged();
        _run.Kernel.Schedule(_run.Options.Timings.MigrationResume, this, Resumed, SimulationRun.ScenarioPriority);
    }

    private void Resume()
    {
        Guest.Migrating = false;
        Guest.CodeCacheColdSince = Now;
        _run.BringUp(Guest);
        var downtime = Now - _pausedAt;
        foreach (var instance in Guest.Instances)
        {
            instance.Application.MigrationDowntimeTicks += downtime;
        }

        _run.Record("migrate-end", Guest.Name, string.Create(CultureInfo.InvariantCulture,
            $"now on {Target.Spec.Name}; {_stopReason}{_rounds} round{(_rounds == 1 ? string.Empty : "s")}, {Gib(_bytesSent)} GiB sent in {SimTime.Format(Now - _startedAt)}; downtime {Ms(downtime)} ms (stop-and-copy of {_finalBytes / (1 << 20):0.#} MiB + {Ms(_run.Options.Timings.MigrationResume)} ms resume)"));
    }

    private void Abort()
    {
        _links.Leave(this);
        Guest.Migrating = false;
        if (_stopAndCopy)
        {
            // Paused for the final copy: it resumes where it was.
            _run.BringUp(Guest);
        }

        var why = !Source.IsUp || !Target.IsUp
            ? $"{(Source.IsUp ? Target : Source).Spec.Name} went down during the copy"
            : "the guest went down during the copy";
        // The pause of a stop-and-copy that did not finish is downtime too: the log says it, as migrate-end does.
        var paused = _stopAndCopy ? $"; paused {Ms(Now - _pausedAt)} ms" : string.Empty;
        _run.Record("migrate-aborted", Guest.Name, $"{why}; the guest stays on {Source.Spec.Name}{paused}");
    }

    /// <summary>What the guest's applications dirty now: each one's rate at level 1 times its demand level.</summary>
    private double DirtyBitsPerSecond()
    {
        var sum = 0.0;
        foreach (var instance in Guest.Instances)
        {
            var app = instance.Application;
            sum += app.Spec.EffectiveDirtyBitsPerSecond * Math.Max(0, app.Spec.Profile.Level(Now, instance.Seed) * app.Scale);
        }

        return sum;
    }

    private static string Gib(double bytes) => (bytes / (1L << 30)).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Ms(long ticks) => ((double)ticks / SimTime.TicksPerMillisecond).ToString("0.#", CultureInfo.InvariantCulture);
}
