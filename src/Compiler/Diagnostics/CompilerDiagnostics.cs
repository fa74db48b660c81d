using VirtLang.Language.Diagnostics;
using static VirtLang.Language.Diagnostics.DiagnosticSeverity;

namespace VirtLang.Compiler.Diagnostics;

/// <summary>
/// The checker's codes, VDL1xxx to VDL5xxx, and VDL9001 for a rule that failed. Numbering inside VDL1xxx: 1001–1009
/// names, declarations and blocks, 1010–1019 attributes and values, 1020–1029 imports, 1030–1039 scenarios, steps and
/// profiles (what the simulator would refuse: times, factors, step counts, trace files), 1040–1049 model size, random failures, HA settings and expectations, 1052–1055 sites, 1060–1069 pools and plans; the families VDL2 (resources),
/// VDL3 (platforms), VDL4 (placement), VDL5 (advice) number from 001 (see docs/diagnostics/README.md).
/// </summary>
public static class CompilerDiagnostics
{
    public static readonly DiagnosticDescriptor UnknownReference = new(
        "VDL1001", Error, "Unknown name",
        "`{0}` is not declared in this model{1}");

    public static readonly DiagnosticDescriptor BlockNotAllowed = new(
        "VDL1003", Error, "Block not allowed here",
        "a `{0}` block cannot stand {1}{2}; {3}");

    public static readonly DiagnosticDescriptor WrongKindReference = new(
        "VDL1004", Error, "Reference to the wrong kind",
        "`{0}` is {1}, but {2} needs {3}");

    public static readonly DiagnosticDescriptor SelfBase = new(
        "VDL1005", Error, "Based on itself",
        "`{0}` cannot be based on itself; a base is another entry of the catalog");

    public static readonly DiagnosticDescriptor BlockName = new(
        "VDL1006", Error, "Block name missing or not allowed",
        "a `{0}` block {1}; {2}");

    public static readonly DiagnosticDescriptor RepeatedBlock = new(
        "VDL1007", Error, "Block repeated",
        "{0} has more than one `{1}` block; it may have one");

    public static readonly DiagnosticDescriptor UnknownAttribute = new(
        "VDL1010", Error, "Unknown attribute",
        "`{0}` is not an attribute of `{1}`{2}");

    public static readonly DiagnosticDescriptor MissingAttribute = new(
        "VDL1011", Error, "Missing required attribute",
        "{0} has no `{1}`, which is required: {2}");

    public static readonly DiagnosticDescriptor WrongType = new(
        "VDL1012", Error, "Wrong type or dimension",
        "`{0}` must be {1}, not {2}");

    public static readonly DiagnosticDescriptor UnknownWord = new(
        "VDL1013", Error, "Unknown value",
        "`{0}` is not a value of `{1}`{2}; the values are {3}");

    public static readonly DiagnosticDescriptor DuplicateAttribute = new(
        "VDL1014", Error, "Attribute set twice",
        "`{0}` is set twice in {1}; this is the second time: a block sets each attribute once, so remove one");

    public static readonly DiagnosticDescriptor OutOfRange = new(
        "VDL1015", Error, "Value out of range",
        "`{0} = {1}` is out of range: {2}")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor DuplicateDeclaration = new(
        "VDL1002", Error, "Duplicate declaration",
        "`{0}` is declared {1} times in this model; a name is declared once, whatever its kind");

    public static readonly DiagnosticDescriptor ImportNotFound = new(
        "VDL1020", Error, "Import not found",
        "cannot import `{0}`: {1}")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor ImportCycle = new(
        "VDL1021", Error, "Import cycle",
        "import cycle: {0}")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor ImportNotAFile = new(
        "VDL1022", Error, "Import of something that is not a file",
        "cannot import `{0}`: {1}")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor EmptyImport = new(
        "VDL1023", Error, "Empty import path",
        "this import names no file: its path is empty")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor CopyNameTaken = new(
        "VDL1008", Error, "Copy name already declared",
        "`count = {0}` on {1} makes `{2}`, which is declared elsewhere; rename one or lower the count");

    public static readonly DiagnosticDescriptor BaseCycle = new(
        "VDL1009", Error, "Base cycle",
        "`{0}` is based on itself through {1}; a chain of bases must end");

    public static readonly DiagnosticDescriptor NotValidForKind = new(
        "VDL1016", Error, "Not valid for this hypervisor kind",
        "`{0}` is not valid {1}under a hypervisor of kind `{2}`: {3}");

    public static readonly DiagnosticDescriptor RequiredByKind = new(
        "VDL1017", Error, "Required by the hypervisor kind",
        "{0} needs `{1}` under its `{2}` hypervisor: {3}");

    public static readonly DiagnosticDescriptor ProfileArgument = new(
        "VDL1018", Error, "Bad profile argument",
        "bad argument to profile `{0}`: {1}");

    public static readonly DiagnosticDescriptor ScaleFactorOutOfRange = new(
        "VDL1030", Error, "Scale factor out of range",
        "`{0}` is not a scale factor: it must be above 0% and at most {1}{2}")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor EndBeforeStart = new(
        "VDL1031", Error, "Time range ends before it starts",
        "`{0}` ends {1} it starts; the end time must come after the start")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor TimeNotPositive = new(
        "VDL1032", Error, "Duration not positive",
        "{0} must be positive (at least a microsecond, the simulator's clock tick), not `{1}`{2}")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor TimeTooLarge = new(
        "VDL1033", Error, "Time too large",
        "`{0}` is past {1}, the longest time a scenario may name (100 years)")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor EventAfterEnd = new(
        "VDL1034", Warning, "Event at or after the scenario's end",
        "this event at `{0}` is at or after the end of scenario `{1}` (`duration = {2}`): it never happens");

    public static readonly DiagnosticDescriptor StepLongerThanDuration = new(
        "VDL1035", Error, "Step longer than the duration",
        "{0} is longer than `duration = {1}`: the one step would count {2} of work and energy in a scenario of {1}; make the step at most the duration")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor TooManySteps = new(
        "VDL1036", Error, "Too many steps",
        "`duration = {0}` in steps of `{1}` is {2} steps, more than the {3} a scenario may have; use a step of at least {4}")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor TooManyHostSteps = new(
        "VDL1039", Error, "Too many host-steps",
        "`duration = {0}` in steps of `{1}` on {2} hosts is {3} host-steps, more than the {4} a run may record; use a step of at least {5}, or fewer hosts")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor EmptySiteFailed = new(
        "VDL1052", Warning, "Failing a site without hosts",
        "`fail site {0}` takes nothing down: no host names `site = {0}`");

    public static readonly DiagnosticDescriptor PoolNeedsOs = new(
        "VDL1060", Error, "Pool without a host OS",
        "pool `{0}` has no `os`, which its `{1}` hypervisor needs: {2}; add `os = NAME`");

    public static readonly DiagnosticDescriptor PlanTargetZero = new(
        "VDL1061", Error, "Plan target of zero",
        "plan `{0}` has `target = {1}`: no host may be busy at all, so nothing can be placed; give the highest utilization a host may reach, above 0 and at most 100%, such as `target = 70%`");

    public static readonly DiagnosticDescriptor PlanWithoutPool = new(
        "VDL1062", Error, "Plan without a pool",
        "plan `{0}` has no pool to place on: {1}");

    public static readonly DiagnosticDescriptor SpareLeavesNoMachine = new(
        "VDL1063", Error, "Spare machines take the whole pool",
        "plan `{0}` keeps `spare = {1}` machines free in each pool, which leaves none of pool `{2}` ({3}); lower `spare` or raise the pool's `count`");

    public static readonly DiagnosticDescriptor PoolHardwareUnknown = new(
        "VDL1064", Error, "Pool hardware without capacity",
        "pool `{0}` uses hardware `{1}`, which has no {2}: a plan cannot size its machines; give the hardware a `cpu {{ ... }}` block and `memory`");

    public static readonly DiagnosticDescriptor PlanBuckets = new(
        "VDL1065", Error, "Plan time buckets out of range",
        "plan `{0}` samples {1}: {2}");

    public static readonly DiagnosticDescriptor PoolHaWithoutRestartHost = new(
        "VDL1066", Error, "Pool in an HA cluster with no host to restart on",
        "pool `{0}` joins cluster `{1}`, which has `ha = true`, but {2}: a failed machine's guests would have nowhere to restart; {3}");

    public static readonly DiagnosticDescriptor TraceFileUnusable = new(
        "VDL1037", Error, "Trace file cannot be read",
        "cannot use the trace file `{0}`: {1}")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor TraceFileMalformed = new(
        "VDL1038", Error, "Malformed trace file",
        "the trace file `{0}`, line {1}, column {2}: {3}")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor TooManyInstances = new(
        "VDL1040", Error, "Too many hosts and guests",
        "{0} takes the model past the {2} hosts and guests the simulator takes: it expands to {1} in all (docs/limits.md); {3}")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor ExpectationDecided = new(
        "VDL1048", Warning, "Expectation that cannot fail or cannot hold",
        "`{0}` can never {1}: {2}");

    public static readonly DiagnosticDescriptor ExpectationOnCountedHost = new(
        "VDL1049", Error, "Utilization of a counted host",
        "`{0}` has `count = {1}`: its copies are different machines, each with its own utilization; name one, as in `{2}`")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor IncompleteFailures = new(
        "VDL1044", Error, "Incomplete failures block",
        "the `failures` block {0} {1}; {2}")
    {
        GuardsTheRun = true,
    };

    public static readonly DiagnosticDescriptor TooManyRandomFailures = new(
        "VDL1045", Error, "Too many random failures",
        "scenario `{0}` expects about {1} random failures over {2}, more than the {3} a run may draw (docs/limits.md); the most: {4}. Shorten the scenario, lengthen the `mtbf`, or write `random_failures = false` in the scenario")
    {
        GuardsTheRun = true,
    };

    /// <summary>Every copy of a counted host would hold a guest of the one name (it was a VDL1016, which is about hypervisor kinds).</summary>
    public static readonly DiagnosticDescriptor GuestInCountedHost = new(
        "VDL1047", Error, "Guest in a counted host",
        "{0} `{1}` cannot stand in host `{2}`, which has `count = {3}`: every copy of the host would hold a guest of that name; declare the hosts one by one, or give the guest its own `count`");

    public static readonly DiagnosticDescriptor UnusedFailureParameter = new(
        "VDL1046", Warning, "Failure parameter not used",
        "`{0}` is not used: {1}");

    public static readonly DiagnosticDescriptor HaWithOneHost = new(
        "VDL1041", Warning, "HA cluster with one host",
        "cluster `{0}` has `ha = true` but {1}: a failed host's guests have nowhere to restart; add hosts to `hosts`, or drop `ha`");

    public static readonly DiagnosticDescriptor HaSettingWithoutHa = new(
        "VDL1042", Warning, "HA setting without HA",
        "{0} does nothing: {1}; set `ha = true` in the cluster's policy, or remove it");

    public static readonly DiagnosticDescriptor RestartPriorityOnPrivilegedGuest = new(
        "VDL1043", Error, "Restart priority on a privileged guest",
        "vm `{0}` is the driver domain of host `{1}`: it owns the host's drivers and never restarts elsewhere, so `restart_priority` cannot apply; remove it");

    public static readonly DiagnosticDescriptor HostMemory = new(
        "VDL2001", Error, "Host memory exceeded",
        "{0} needs {1} of memory ({2} + hypervisor overhead {3}) but has {4}{5}");

    public static readonly DiagnosticDescriptor HostCpu = new(
        "VDL2002", Error, "Host CPUs oversubscribed",
        "{0} has {1} on {2}: more than cpu_overcommit {3} allows ({4})");

    public static readonly DiagnosticDescriptor GuestLargerThanHost = new(
        "VDL2003", Error, "Guest larger than its host",
        "{0} has {1} but its host `{2}` has {3}: {4}");

    public static readonly DiagnosticDescriptor HostDisk = new(
        "VDL2004", Error, "Host disk exceeded",
        "the guests of {0} have {1} of disk but the host has {2}");

    public static readonly DiagnosticDescriptor DemandTooLarge = new(
        "VDL2005", Error, "Application larger than its place",
        "{0} needs {1} at its peak, but {2} has {3}");

    public static readonly DiagnosticDescriptor ContainerLimits = new(
        "VDL2006", Warning, "Container limits past host memory",
        "the memory limits of the containers of {0} add up to {1}, past its {2}; fine only while they do not all use their limit at once");

    public static readonly DiagnosticDescriptor ActiveMemorySwaps = new(
        "VDL2007", Warning, "Host will swap active memory",
        "{0} will swap {1} of guest memory: {2}{3} plus hypervisor overhead {4} is more than its {5}");

    public static readonly DiagnosticDescriptor UncertifiedOs = new(
        "VDL3001", Error, "Application on an uncertified OS",
        "app `{0}` is certified for {1}, but {2} runs {3}");

    public static readonly DiagnosticDescriptor UncertifiedPatch = new(
        "VDL3002", Error, "Application on an uncertified patch level",
        "app `{0}` is certified for patch levels {1}, but {2} {3}");

    public static readonly DiagnosticDescriptor ContainerPlatform = new(
        "VDL3003", Error, "Container with another OS or patch than its host",
        "container `{0}` declares {1} `{2}`, but its host `{3}` has {4}: containers share the host's kernel, so they have its OS and patch level");

    public static readonly DiagnosticDescriptor HostPatchBreaksContainerApp = new(
        "VDL3004", Error, "Host patch level outside a container application's range",
        "host `{0}` is at patch level {1}, but app `{3}` in its container `{2}` is certified for {4}: a container runs on its host's kernel, so raise the host's `patch`");

    public static readonly DiagnosticDescriptor NotParavirtualOs = new(
        "VDL3005", Error, "Guest OS not paravirtualized",
        "vm `{0}` runs os `{1}` under the paravirtual hypervisor of `{2}`, but `{1}` has no paravirtualization-aware kernel (`paravirt = true`)");

    public static readonly DiagnosticDescriptor PrivilegedGuests = new(
        "VDL3006", Error, "Paravirtual host without exactly one privileged guest",
        "paravirtual host `{0}` {1}; exactly one privileged guest (`privileged = true`) owns the drivers");

    public static readonly DiagnosticDescriptor PrivilegedDriver = new(
        "VDL3007", Error, "Privileged guest lacks a driver",
        "privileged guest `{0}` runs os `{1}`, which has no driver `{2}` for {3} `{4}` of host `{5}`");

    public static readonly DiagnosticDescriptor NoHardwareAssist = new(
        "VDL3008", Error, "Hardware acceleration without VT-x or AMD-V",
        "`acceleration = hardware` needs VT-x or AMD-V, but the CPU of host `{0}` has {1}; use `acceleration = software` or hardware with `vtx` or `amdv`");

    public static readonly DiagnosticDescriptor BareMetalDriver = new(
        "VDL3009", Error, "Bare-metal hypervisor lacks a driver",
        "the bare-metal hypervisor of host `{0}` has no driver `{1}` for {2} `{3}`; it drives the hardware itself (its drivers: {4})");

    public static readonly DiagnosticDescriptor HostedWithoutOs = new(
        "VDL3010", Error, "Hosted hypervisor without a host OS",
        "host `{0}` runs a hosted hypervisor but has no `os`: a hosted hypervisor is a program on the host's OS");

    public static readonly DiagnosticDescriptor GuestKindForHypervisor = new(
        "VDL3011", Error, "Guest kind not valid under the hypervisor kind",
        "{0} cannot run on host `{1}`, whose hypervisor is `{2}`: {3}");

    public static readonly DiagnosticDescriptor Conflict = new(
        "VDL4001", Error, "Conflicting applications share a userland",
        "apps `{0}` and `{1}` conflict, but share the userland of {2}");

    public static readonly DiagnosticDescriptor Isolation = new(
        "VDL4002", Error, "Isolation requirement not met",
        "app `{0}` requires isolation `{1}`, but on {2} it gets `{3}`{4}");

    public static readonly DiagnosticDescriptor Zones = new(
        "VDL4003", Error, "Security zones mixed without a VM boundary",
        "apps `{0}` (zone `{1}`) and `{2}` (zone `{3}`) share host `{4}` with no VM boundary between them ({5})");

    public static readonly DiagnosticDescriptor Replicas = new(
        "VDL4004", Error, "Fewer placements than replicas",
        "app `{0}` asks for {1} but runs in {2}");

    public static readonly DiagnosticDescriptor Spread = new(
        "VDL4005", Error, "Replicas not spread",
        "app `{0}` asks for `spread = host`, but host `{1}` holds {2} of its replicas: {3}");

    public static readonly DiagnosticDescriptor SinglePointOfFailure = new(
        "VDL4006", Warning, "Single point of failure",
        "every replica of app `{0}` ({1}) is on host `{2}`: one failure of that host takes them all");

    public static readonly DiagnosticDescriptor HaCannotRestartLargestHost = new(
        "VDL4007", Warning, "HA cannot restart a failed host's guests",
        "cluster `{0}` cannot restart every guest of host `{1}` on its other hosts when `{1}` fails: {2} needs {3}, but {4}; add capacity, make guests smaller, or give guests that may wait `restart_priority = disabled`");

    public static readonly DiagnosticDescriptor HaReserveNotFree = new(
        "VDL4008", Warning, "HA admission reserve not free",
        "the guests of cluster `{0}` hold {1} ({2}), more than the share its admission reserve of {3} leaves them: HA restarts may find no room; add capacity, or lower the reserve if fewer failures are to be covered");

    public static readonly DiagnosticDescriptor SingleSite = new(
        "VDL4009", Warning, "Every replica in one site",
        "every replica of app `{0}` ({1}) is in {2}, while the model has hosts in {3}: losing that site takes them all");

    public static readonly DiagnosticDescriptor LowUtilization = new(
        "VDL5001", Info, "Host mostly idle",
        "host `{0}` is predicted {1} busy on average (under 15 %): {2}");

    public static readonly DiagnosticDescriptor IoHeavyOnEmulation = new(
        "VDL5002", Warning, "I/O-heavy application on emulated I/O",
        "app `{0}` is I/O-heavy and runs on host `{1}` under {2}: about {3}x slower than native by the cost model; paravirtual, hardware-assisted bare-metal or containers cost far less");

    public static readonly DiagnosticDescriptor SoftwareOnCapableCpu = new(
        "VDL5003", Warning, "Software acceleration on a CPU with VT-x or AMD-V",
        "host `{0}` uses `acceleration = software` but its CPU has {1}: binary translation costs {2}x on kernel-heavy work where the hardware would cost {3}x");

    public static readonly DiagnosticDescriptor Unused = new(
        "VDL5004", Info, "Unused catalog entry",
        "{0} `{1}` is declared but nothing uses it");

    public static readonly DiagnosticDescriptor InternalError = new(
        "VDL9001", Error, "Internal error in a rule",
        "internal error in the {0} rules: {1}; the other rules ran. Please report this with the model")
    {
        GuardsTheRun = true,
    };

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        UnknownReference, DuplicateDeclaration, BlockNotAllowed, WrongKindReference, SelfBase, BlockName, RepeatedBlock,
        UnknownAttribute, MissingAttribute, WrongType, UnknownWord, DuplicateAttribute, OutOfRange, ImportNotFound, ImportCycle, ImportNotAFile, EmptyImport,
        CopyNameTaken, BaseCycle, NotValidForKind, RequiredByKind, ProfileArgument, TooManyInstances,
        IncompleteFailures, TooManyRandomFailures, UnusedFailureParameter, GuestInCountedHost,
        ScaleFactorOutOfRange, EndBeforeStart, TimeNotPositive, TimeTooLarge, EventAfterEnd, StepLongerThanDuration, TooManySteps, TooManyHostSteps,
        TraceFileUnusable, TraceFileMalformed,
        ExpectationDecided, ExpectationOnCountedHost,
        HaWithOneHost, HaSettingWithoutHa, RestartPriorityOnPrivilegedGuest, HaCannotRestartLargestHost, HaReserveNotFree,
        EmptySiteFailed,
        PoolNeedsOs, PlanTargetZero, PlanWithoutPool, SpareLeavesNoMachine, PoolHardwareUnknown, PlanBuckets, PoolHaWithoutRestartHost,
        HostMemory, HostCpu, GuestLargerThanHost, HostDisk, DemandTooLarge, ContainerLimits, ActiveMemorySwaps,
        UncertifiedOs, UncertifiedPatch, ContainerPlatform, HostPatchBreaksContainerApp, NotParavirtualOs, PrivilegedGuests,
        PrivilegedDriver, NoHardwareAssist, BareMetalDriver, HostedWithoutOs, GuestKindForHypervisor,
        Conflict, Isolation, Zones, Replicas, Spread, SinglePointOfFailure, SingleSite,
        LowUtilization, IoHeavyOnEmulation, SoftwareOnCapableCpu, Unused,
        InternalError,
    ];
}
