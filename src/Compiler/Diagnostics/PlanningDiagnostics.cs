using VirtLang.Language.Diagnostics;
using static VirtLang.Language.Diagnostics.DiagnosticSeverity;

namespace VirtLang.Compiler.Diagnostics;

/// <summary>
/// The codes <c>vdl plan</c> reports when a plan cannot be made (VDL7001–VDL7019, docs/planning.md): said in the
/// model's terms (an application, a pool, a rule), never in the solver's. They are in the catalog so that
/// <c>vdl explain</c> and the pages know them; the checker never reports them.
/// </summary>
public static class PlanningDiagnostics
{
    public static readonly DiagnosticDescriptor NoPlan = new(
        "VDL7001", Error, "No plan to make",
        "no plan to make: {0}");

    public static readonly DiagnosticDescriptor NoCertifiedPool = new(
        "VDL7002", Error, "No pool offers a certified platform",
        "app `{0}` cannot be placed on any pool of plan `{1}`: {2}");

    public static readonly DiagnosticDescriptor TooLargeForEveryPool = new(
        "VDL7003", Error, "Application larger than every pool's machine",
        "app `{0}` needs {1} per instance, more than one machine of any pool of plan `{2}` gives: {3}");

    public static readonly DiagnosticDescriptor PoolsFull = new(
        "VDL7004", Error, "Not enough machines",
        "plan `{0}` cannot place every instance: {1}");

    public static readonly DiagnosticDescriptor HostRunsUnplannedApplication = new(
        "VDL7005", Error, "A replaced host runs an application the plan leaves out",
        "host `{0}` runs `{1}`, which plan `{2}` places, and `{3}`, which it does not: the placed model would lose `{3}`; add `{3}` to the plan's `apps` or move it to another host");

    public static readonly DiagnosticDescriptor NameTaken = new(
        "VDL7006", Error, "A placed name is already declared",
        "plan `{0}` would name a placed {1} `{2}`, which the model already declares; rename the pool or the declaration");

    public static readonly DiagnosticDescriptor PlacedModelDoesNotCheck = new(
        "VDL7007", Error, "The placed model does not check",
        "the model plan `{0}` placed does not check: {1}; nothing was written. Please report this with the model");

    public static readonly DiagnosticDescriptor HaReserveLeavesNoPlan = new(
        "VDL7008", Error, "The HA admission reserve leaves no plan",
        "plan `{0}` cannot keep the HA admission reserve of cluster `{1}`: {2}; raise the `count` of its pools, lower `admission_reserve`, raise the cluster's overcommit, or drop `ha`");

    public static readonly DiagnosticDescriptor SitesUnbalanced = new(
        "VDL7012", Error, "Replicas cannot be balanced over the sites",
        "plan `{0}` cannot balance app `{1}` over its sites: {2}");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [NoPlan, NoCertifiedPool, TooLargeForEveryPool, PoolsFull, HostRunsUnplannedApplication, NameTaken, PlacedModelDoesNotCheck, HaReserveLeavesNoPlan, SitesUnbalanced];
}
