using VirtLang.Runtime.Scenarios;

namespace VirtLang.Runtime.Engine;

/// <summary>
/// The hosts' NICs as the live migrations in flight share them. A migration may use
/// <see cref="FaultTimings.MigrationLinkFraction"/> of the fastest NIC at each end; migrations that use the same host
/// split that equally, and a migration goes at the pace of its busier end. Shares are recomputed whenever one starts
/// or ends, after every migration has been credited with what it sent at the old pace. What the migrations send
/// is carried on each end's NICs beside the guests' traffic (<see cref="HostState.MigrationBitsPerSecond"/>).
/// </summary>
internal sealed class MigrationLinks(SimulationRun run)
{
    private readonly List<LiveMigration> _active = [];
    private readonly List<HostState> _carrying = [];

    public int CountUsing(HostState host) => _active.Count(m => ReferenceEquals(m.Source, host) || ReferenceEquals(m.Target, host));

    public void Join(LiveMigration migration)
    {
        Progress();
        _active.Add(migration);
        Reshare();
    }

    public void Leave(LiveMigration migration)
    {
        Progress();
        _active.Remove(migration);
        Reshare();
    }

    private void Progress()
    {
        foreach (var m in _active)
        {
            m.Progress(run.Kernel.Now);
        }
    }

    private void Reshare()
    {
        foreach (var host in _carrying)
        {
            host.MigrationBitsPerSecond = 0;
        }

        _carrying.Clear();
        var fraction = run.Options.Timings.MigrationLinkFraction;
        foreach (var m in _active)
        {
            var source = Nic(m.Source) / CountUsing(m.Source);
            var target = Nic(m.Target) / CountUsing(m.Target);
            var rate = fraction * Math.Min(source, target);
            m.SetRate(rate);
            Carry(m.Source, rate);
            Carry(m.Target, rate);
        }
    }

    // The migration's bits go through both hosts' NICs beside the guests' own traffic (HostState counts them in the
    // network load, so guests that use the network slow down when the two together exceed the NICs).
    private void Carry(HostState host, double bitsPerSecond)
    {
        if (!_carrying.Contains(host))
        {
            _carrying.Add(host);
        }

        host.MigrationBitsPerSecond += bitsPerSecond;
    }

    public static double Nic(HostState host) => host.Spec.Nics.Count == 0 ? 0 : host.Spec.Nics.Max(n => n.BitsPerSecond);
}
