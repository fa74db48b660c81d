using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Rules;

/// <summary>
/// VDL1060–VDL1066: pools and plans that <c>vdl plan</c> could not use as written (docs/planning.md): a pool whose
/// hypervisor needs a host OS it lacks or whose hardware has no capacity, a plan without pools, a zero target, spare
/// machines that take a whole pool, time buckets past the bound, a pool in an HA cluster with no second machine.
/// </summary>
internal sealed class PlanRules : IRuleFamily
{
    /// <summary>The most time buckets a plan samples: a year of hours is 8,784; every bucket is a constraint per host.</summary>
    public const int MaximumBuckets = 10_000;

    // What a host of kind none or os_level may not have in its hypervisor block (HypervisorKindRules).
    private static readonly string[] NativeKindsRefuse = ["acceleration", "page_sharing", "ballooning"];

    public string Name => "plan";

    public void Check(RuleContext context)
    {
        foreach (var pool in context.Model.Pools)
        {
            CheckPool(context, pool);
        }

        foreach (var plan in context.Model.Plans)
        {
            CheckPlan(context, plan);
        }
    }

    private static void CheckPool(RuleContext context, PoolSymbol pool)
    {
        var machine = pool.Machine;
        if (machine.Os is null && pool.View.Find("os") is null)
        {
            var why = machine.HypervisorKind switch
            {
                HypervisorKind.None => "its applications run on the host's OS",
                HypervisorKind.Hosted => "a hosted hypervisor runs on a host OS",
                HypervisorKind.OsLevel => "its containers share the host's kernel",
                _ => null,
            };
            if (why is not null)
            {
                var kind = ModelNames.ToName(machine.HypervisorKind);
                context.Report(CompilerDiagnostics.PoolNeedsOs, pool.Declaration, [pool.Name, kind, why]);
            }
        }

        // The pool's hypervisor block is copied to every placed host: what a host of its kind may not have, the pool may not either.
        if (machine.HypervisorKind is HypervisorKind.None or HypervisorKind.OsLevel)
        {
            var hypervisor = pool.View.Child("hypervisor");
            foreach (var attribute in NativeKindsRefuse.Where(a => hypervisor.Find(a) is not null))
            {
                context.Report(CompilerDiagnostics.NotValidForKind, hypervisor.WhereName(attribute),
                    [attribute, $"in pool `{pool.Name}` ", ModelNames.ToName(machine.HypervisorKind), $"its hosts would have it, and {(machine.HypervisorKind == HypervisorKind.None ? "there is no hypervisor" : "containers share the host's one kernel")}"]);
            }
        }

        CheckHaCluster(context, pool);

        if (pool.Hardware is { } hardware && (!machine.HasCpu || machine.MemoryBytes <= 0))
        {
            var missing = !machine.HasCpu && machine.MemoryBytes <= 0 ? "`cpu` block and no `memory`" : !machine.HasCpu ? "`cpu` block" : "`memory`";
            context.Report(CompilerDiagnostics.PoolHardwareUnknown, pool.Where("hardware"), [pool.Name, hardware.Name, missing],
                new RelatedLocation(hardware.Declaration, $"hardware `{hardware.Name}`"));
        }
    }

    /// <summary>
    /// VDL1066: a pool joined to an HA cluster needs a second machine its guests can restart on: one of the same
    /// hypervisor kind (a container: os_level with the same OS), among the cluster's hosts and the machines of its
    /// pools. A pool of kind none has no guests to restart.
    /// </summary>
    private static void CheckHaCluster(RuleContext context, PoolSymbol pool)
    {
        if (pool.Cluster is not { Ha: true } cluster || pool.Machine.HypervisorKind == HypervisorKind.None)
        {
            return;
        }

        var kind = pool.Machine.HypervisorKind;
        var os = pool.Machine.Os?.Name;
        bool Alike(HostSymbol host) => host.HypervisorKind == kind && (kind != HypervisorKind.OsLevel || host.Os?.Name == os);
        var hosts = cluster.Hosts.Distinct().Where(h => ReferenceEquals(h.Cluster, cluster) && Alike(h)).Sum(h => h.Copies);
        var machines = context.Model.Pools.Where(p => ReferenceEquals(p.Cluster, cluster) && Alike(p.Machine)).Sum(p => p.Count);
        if (hosts + machines >= 2)
        {
            return;
        }

        var alike = kind == HypervisorKind.OsLevel ? $"os_level machine on `{os}`" : $"`{ModelNames.ToName(kind)}` machine";
        context.Report(CompilerDiagnostics.PoolHaWithoutRestartHost, pool.Where("cluster"),
            [pool.Name, cluster.Name, $"its only {alike} would be this pool's one (`count = {pool.Count}`)",
                "raise the pool's `count` to 2 or more, add such a host to the cluster, or drop `ha`"],
            new RelatedLocation(cluster.Declaration, $"cluster `{cluster.Name}`"));
    }

    private static void CheckPlan(RuleContext context, PlanSymbol plan)
    {
        if (plan.View.Find("target") is not null && plan.Target <= 0)
        {
            context.Report(CompilerDiagnostics.PlanTargetZero, plan.Where("target"), [plan.Name, "0%"]);
        }

        if (plan.Pools.Count == 0)
        {
            var why = context.Model.Pools.Count == 0
                ? "the model declares no `pool`; declare one, as in `pool rack-a { hardware = r740  count = 10 }`"
                : "its `pools` list is empty; name at least one pool, or leave `pools` out to use every pool";
            context.Report(CompilerDiagnostics.PlanWithoutPool, plan.View.Find("pools") is null ? plan.Declaration : plan.Where("pools"), [plan.Name, why]);
        }

        foreach (var pool in plan.Pools.Where(p => p.Count <= plan.Spare))
        {
            context.Report(CompilerDiagnostics.SpareLeavesNoMachine, plan.Where("spare"),
                [plan.Name, plan.Spare, pool.Name, Amounts.Count(pool.Count, "machine")],
                new RelatedLocation(pool.Where("count"), $"the machines of pool `{pool.Name}`"));
        }

        if (plan.BucketSeconds <= 0 || plan.HorizonSeconds <= 0)
        {
            var which = plan.BucketSeconds <= 0 ? "bucket" : "horizon";
            context.Report(CompilerDiagnostics.PlanBuckets, plan.Where(which), [plan.Name, $"with `{which} = 0`", $"give a `{which}` longer than zero"]);
        }
        else if (plan.BucketSeconds > plan.HorizonSeconds)
        {
            context.Report(CompilerDiagnostics.PlanBuckets, plan.Where("bucket"),
                [plan.Name, "one bucket longer than its horizon", "make `bucket` at most `horizon`"]);
        }
        else if (Math.Ceiling(plan.HorizonSeconds / plan.BucketSeconds) > MaximumBuckets)
        {
            context.Report(CompilerDiagnostics.PlanBuckets, plan.Where("bucket"),
                [plan.Name, $"{Math.Ceiling(plan.HorizonSeconds / plan.BucketSeconds):N0} buckets", $"at most {MaximumBuckets:N0} are allowed (docs/limits.md); lengthen `bucket` or shorten `horizon`"]);
        }
    }
}
