using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Symbols;
using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Rules;

/// <summary>
/// VDL5xxx, advice: the one-application-per-server waste, I/O-heavy work where I/O is emulated, binary translation
/// on a CPU that could do better, catalog entries nobody uses. The estimates are the runtime's cost model.
/// </summary>
internal sealed class AdviceRules : IRuleFamily
{
    private const double IdleBelow = 0.15;

    public string Name => "advice";

    public void Check(RuleContext context)
    {
        foreach (var host in context.Model.Hosts)
        {
            CheckUtilization(context, host);
            CheckAcceleration(context, host);
        }

        foreach (var placement in context.Placements)
        {
            CheckIoHeavy(context, placement);
        }

        CheckUnused(context);
    }

    /// <summary>
    /// The mean host CPU the applications of a host need, in reference cores, as the simulator charges it: each
    /// guest's own execution with its stated kernel entries (a VM's at most its vCPUs at the host's speed) plus the
    /// layer's work for its I/O.
    /// </summary>
    public static double MeanHostCpu(HostSymbol host)
    {
        // Loops over the lists rather than Sum over closures: this runs for every guest of every host, and the
        // additions are the same, in the same order.
        var costs = host.Costs;
        var mode = host.Mode;
        var path = costs.IoPathOf(mode);
        var cores = 0.0;
        var runs = host.Runs;
        for (var i = 0; i < runs.Count; i++)
        {
            cores += Own(runs[i], costs, mode) + Layer(runs[i], path);
        }

        // A host's guests mostly run the same application: its figures are kept from one guest to the next (the
        // cost model makes an object for each question).
        ApplicationSymbol? last = null;
        double lastOwn = 0, lastLayer = 0;
        var guests = host.Guests;
        for (var g = 0; g < guests.Count; g++)
        {
            var guest = guests[g];
            var guestRuns = guest.Runs;
            var own = 0.0;
            var layer = 0.0;
            for (var i = 0; i < guestRuns.Count; i++)
            {
                if (!ReferenceEquals(guestRuns[i], last))
                {
                    (last, lastOwn, lastLayer) = (guestRuns[i], Own(guestRuns[i], costs, mode), Layer(guestRuns[i], path));
                }

                own += lastOwn;
                if (!guest.Privileged)
                {
                    layer += lastLayer; // a privileged guest's I/O is its own (0)
                }
            }

            cores += ((guest.IsVm ? Math.Min(own, guest.Vcpus * host.Cpu.CoreSpeed) : own) + layer) * guest.Copies;
        }

        return cores;
    }

    private static double Own(ApplicationSymbol app, VirtualizationCostModel costs, AccelerationMode mode) =>
        app.MeanCpu * costs.GuestCpuFactor(app.Io, app.KernelEntriesPerCore, mode);

    private static double Layer(ApplicationSymbol app, IoPath path) => app.MeanCpu * path.CpuPerCore(app.OperationsPerCore);

    /// <summary>A host's CPU as a message says it: reference cores, with the logical CPUs they come from.</summary>
    internal static string Capacity(HostSymbol host) => $"{Amounts.Cores(host.CapacityCores)} of capacity ({Amounts.Count(host.LogicalCpus, "logical CPU")})";

    private static void CheckUtilization(RuleContext context, HostSymbol host)
    {
        if (host.CapacityCores <= 0)
        {
            return;
        }

        var cores = MeanHostCpu(host);
        var utilization = Math.Min(1, cores / host.CapacityCores);
        if (utilization >= IdleBelow)
        {
            return;
        }

        var advice = cores == 0
            ? $"it runs no application; {host.LogicalCpus} logical CPU{(host.LogicalCpus == 1 ? " waits" : "s wait")} for work"
            : host.HypervisorKind == HypervisorKind.None
                ? $"{Amounts.Cores(cores)} of mean demand on {Capacity(host)}; run its work as a guest of a shared host and free the machine (the one-application-per-server waste)"
                : $"{Amounts.Cores(cores)} of mean demand on {Capacity(host)}; it has room to consolidate more guests, or the same guests fit a smaller machine";
        context.Report(CompilerDiagnostics.LowUtilization, host.Declaration, [host.Name, Amounts.Percent(utilization), advice]);
    }

    private static void CheckAcceleration(RuleContext context, HostSymbol host)
    {
        if (host.HypervisorKind is not (HypervisorKind.Hosted or HypervisorKind.BareMetal) || !host.AccelerationWritten
            || host.Acceleration != Acceleration.Software || !host.Cpu.HasHardwareAssist)
        {
            return;
        }

        var costs = host.Costs;
        var hardware = costs.ModeOf(Acceleration.Hardware, host.Cpu);
        context.Report(CompilerDiagnostics.SoftwareOnCapableCpu, host.View.Child("hypervisor").Where("acceleration"),
            [host.Name, ModelNames.ToNames(host.Features & (CpuFeatures.Vtx | CpuFeatures.AmdV | CpuFeatures.Ept | CpuFeatures.Npt)),
             Amounts.Factor(costs.CpuFactor(IoClass.Moderate, AccelerationMode.BinaryTranslation)), Amounts.Factor(costs.CpuFactor(IoClass.Moderate, hardware))]);
    }

    private static void CheckIoHeavy(RuleContext context, Placement placement)
    {
        var host = placement.Host;
        if (placement.App.Io != IoClass.Heavy || placement.Guest is not { IsVm: true })
        {
            return;
        }

        var mode = host.Mode;
        var what = host.HypervisorKind == HypervisorKind.Hosted
            ? mode == AccelerationMode.BinaryTranslation ? "a hosted hypervisor with binary translation" : "a hosted hypervisor (emulated devices)"
            : mode == AccelerationMode.BinaryTranslation ? "binary translation" : null;
        if (what is null)
        {
            return;
        }

        var slowdown = host.Costs.Slowdown(IoClass.Heavy, placement.App.OperationsPerCore, mode);
        context.Report(CompilerDiagnostics.IoHeavyOnEmulation, placement.Entry, [placement.App.Name, host.Name, what, Amounts.Factor(slowdown)]);
    }

    private static void CheckUnused(RuleContext context)
    {
        var model = context.Model;
        foreach (var symbol in model.OperatingSystems.Cast<ModelSymbol>().Concat(model.Hardware).Concat(model.Applications)
                     .OrderBy(s => s.File.Path, StringComparer.Ordinal).ThenBy(s => s.Declaration.Span.Start))
        {
            if (!model.IsReferenced(symbol))
            {
                context.Report(CompilerDiagnostics.Unused, symbol.Declaration, [symbol.Kind, symbol.Name]);
            }
        }
    }
}
