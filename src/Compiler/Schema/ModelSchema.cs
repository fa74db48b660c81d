using System.Collections.Frozen;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Schema;

/// <summary>
/// The schema of every block kind of language.md: the one table that the checker, the editor's completion and
/// hover, and docs/language.md ("Schema") agree on.
/// </summary>
public static class ModelSchema
{
    // Every number has a largest value (docs/limits.md, "Numbers and model size"), so that whatever checks clean is
    // also a model the generated C# can hold and the simulator can run: each bound is far past any real machine, and
    // products (sockets × cores × threads, a size × count) stay inside the runtime's 32- and 64-bit fields.

    /// <summary>
    /// Copies of one host or guest (<c>count</c>): the simulator models each one; the whole model is bounded by
    /// <see cref="ModelSize.MaximumInstances"/>, which the checker reports at the <c>count</c> that crosses it.
    /// </summary>
    private static readonly NumberType Copies = new(Minimum: 1, Whole: true, Maximum: ModelSize.MaximumCopies);

    // The largest machines have 32 sockets, 192 cores per socket and 8 threads per core (POWER's SMT8); the bounds are
    // twice to five times that, and 64 × 1,024 × 8 = 524,288 logical CPUs fit the runtime's int with room to spare.
    private static readonly NumberType Sockets = new(Minimum: 1, Whole: true, Maximum: 64);
    private static readonly NumberType Cores = new(Minimum: 1, Whole: true, Maximum: 1_024);
    private static readonly NumberType Threads = new(Minimum: 1, Whole: true, Maximum: 8);

    // At most as many vCPUs as the largest host has logical CPUs (a larger VM is VDL2003 anyway).
    private static readonly NumberType Vcpus = new(Minimum: 1, Whole: true, Maximum: 524_288);

    // A placement count: at most as many as the model may have instances.
    private static readonly NumberType Replicas = new(Minimum: 1, Whole: true, Maximum: ModelSize.MaximumInstances);

    // Any whole number a literal can write exactly (2^53).
    private static readonly NumberType Seed = new(Minimum: 0, Whole: true, Maximum: QuantityGrammar.LargestWhole);

    // Disk requests per second: the fastest NVMe devices serve about 10 million.
    private static readonly NumberType Iops = new(Minimum: 0, Maximum: 1e9);
    // Kernel entries per second: a core makes at most a few million system calls a second; 1e9 leaves room and keeps rate × cost finite.
    private static readonly NumberType KernelEntryRate = new(Minimum: 0, Maximum: 1e9);

    // cgroup v1's largest cpu.shares.
    private static readonly NumberType Shares = new(Minimum: 0, Maximum: 262_144);

    // A recovery time objective: at most the longest time a scenario may name (100 years), so RTO after any event stays on the clock.
    private static readonly QuantityType RecoveryTime = new(Dimension.Time, Minimum: 0, Example: "15m", Maximum: Runtime.Scenarios.ScenarioLimits.MaxTime / (double)Runtime.Kernel.SimTime.TicksPerSecond);

    // A slowdown factor of the hypervisor, or an overcommit ratio: 100 is past anything measured or configured.
    private static readonly NumberType Factor = new(Minimum: 1, Maximum: 100);

    // Reference cores of demand per instance: more than the largest host has is VDL2005 anyway.
    private static readonly NumberType Demand = new(Minimum: 0, Maximum: 1_000_000);

    private static readonly StringType Version = new("a version string such as \"8.6\"");
    private static readonly StringType Constraint = new("a version constraint such as \">= 2024.03\"");
    private static readonly StringType Driver = new("a driver name such as \"nvme\"");
    private static readonly EnumType Bool = new(["true", "false"]);

    // HA restart (issue 13): a delay past a day is no longer a restart; a reserve of the whole cluster leaves nothing to run.
    private static readonly QuantityType RestartDelay = new(Dimension.Time, Minimum: 0, Example: "30s", Maximum: 86_400);
    private static readonly QuantityType AdmissionReserve = new(Dimension.Ratio, Minimum: 0, Example: "25%", Maximum: 0.99);
    private static readonly EnumType RestartPriority = new(["high", "medium", "low", "disabled"]);

    // 1024TiB (1 PiB): the largest servers hold 32 TiB. Bytes are 64-bit in the runtime (8 EiB), so 8,192 of the
    // largest still add up; sums over copies are taken in doubles.
    private static readonly QuantityType Memory = new(Dimension.Memory, Minimum: 0, Example: "16GiB", Maximum: 1L << 50);

    // 10_000Gbps: the fastest links run at 800 Gbit/s, a memory bus at a few Tbit/s.
    private const double MaximumBitsPerSecond = 1e13;

    private static QuantityType Bandwidth(string example) => new(Dimension.Bandwidth, Minimum: 0, Example: example, Maximum: MaximumBitsPerSecond);

    // 100GHz: no processor has run past 10.
    private static readonly QuantityType Clock = new(Dimension.Frequency, Minimum: 0, Example: "2.6GHz", Maximum: 1e11);

    // 100kW: a whole rack draws about 40 kW.
    private static QuantityType Power(string example) => new(Dimension.Power, Minimum: 0, Example: example, Maximum: 1e5);

    public static IReadOnlyList<string> TopLevelKinds => SyntaxFacts.TopLevelBlockKinds;

    /// <summary><c>import "FILE"</c> at the top of a file.</summary>
    public static readonly KeywordSchema Import = new("import", "another file of the same model");

    /// <summary>The words of a boolean attribute.</summary>
    public static IReadOnlyList<string> BooleanWords => Bool.Words;

    public static readonly IReadOnlyList<string> GuestKinds = ["vm", "container"];

    private static readonly (string, bool)[] HardwareChildren = [("cpu", false), ("disk", true), ("nic", true), ("power", false), ("failures", false)];

    // Random failures (docs/simulation.md, "Random failures"): times from a minute (a second for a repair) to the
    // longest scenario; a Weibull shape from 0.1 (a mean 3.6 million times the median's scale) to 20 (almost fixed);
    // a lognormal sigma up to 4 (a mean e^8, about 3,000 times the median).
    private static readonly QuantityType Mtbf = new(Dimension.Time, Minimum: 60, Example: "30d", Maximum: Runtime.Scenarios.ScenarioLimits.MaxTime / (double)Runtime.Kernel.SimTime.TicksPerSecond);
    private static readonly QuantityType Mttr = new(Dimension.Time, Minimum: 1, Example: "4h", Maximum: Runtime.Scenarios.ScenarioLimits.MaxTime / (double)Runtime.Kernel.SimTime.TicksPerSecond);
    private static readonly NumberType WeibullShape = new(Minimum: 0.1, Maximum: 20);
    private static readonly NumberType LognormalSigma = new(Minimum: 0, Maximum: 4);

    private static readonly AttributeSchema[] HardwareAttributes = [new("memory", Memory, Help: "installed memory, in bytes (0 or none: unknown, not checked)")];

    /// <summary>The kind a block of <paramref name="kind"/> may name as its base (<see cref="BlockSchema.BaseKind"/>); an unknown kind, its own.</summary>
    public static string BaseKindOf(string kind) => Blocks.TryGetValue(kind, out var schema) ? schema.BaseKind : kind;

    public static readonly FrozenDictionary<string, BlockSchema> Blocks = new BlockSchema[]
    {
        new("os", named: true,
        [
            new("family", new EnumType(["linux", "windows", "solaris", "bsd"]), Required: true, Help: "the OS family, which `requires { os = [...] }` and the image of page sharing compare"),
            new("version", Version, Help: "the release, compared part by part as numbers"),
            new("kernel", Version, Help: "the kernel version, which `requires { kernel = ... }` checks"),
            new("paravirt", Bool, Help: "a paravirtualization-aware (modified) kernel exists: needed by a VM under a paravirtual hypervisor (default false)"),
            new("drivers", new ListType(Driver), Help: "device drivers the OS has: a privileged guest needs one for each device of its host"),
        ], [("failures", false)], help: "an operating system of the catalog"),

        new("hardware", named: true, HardwareAttributes, HardwareChildren, help: "a machine model of the catalog"),
        new("cpu", named: false,
        [
            new("sockets", Sockets, Help: "processor sockets (default 1)"),
            new("cores", Cores, Help: "physical cores per socket (default 1)"),
            new("threads", Threads, Help: "hardware threads per core (default 1); the vCPU overcommit counts every thread"),
            new("clock", Clock, Help: "the core clock, in hertz: capacity scales with it; none or 0: the reference 2.5GHz"),
            new("smt_yield", new QuantityType(Dimension.Ratio, Minimum: 0, Example: "25%", Maximum: 1), Help: "what each extra thread adds to a busy core, as a fraction of a core (default 25%)"),
            new("features", new ListType(new EnumType(["vtx", "amdv", "ept", "npt"])), Help: "virtualization features: vtx or amdv for hardware acceleration, ept or npt for nested paging"),
        ]),
        new("disk", named: true,
        [
            new("capacity", Memory, Help: "size, in bytes, against which the guests' `disk` is checked"),
            new("iops", Iops, Help: "disk requests per second the device serves"),
            new("throughput", Bandwidth("3GB/s"), Help: "bytes per second the device transfers"),
            new("driver", Driver, Help: "the driver the device needs, which a bare-metal hypervisor or a privileged guest must have"),
        ]),
        new("nic", named: true,
        [
            new("speed", Bandwidth("25Gbps"), Help: "link speed, in bits per second: carries network traffic and live migrations"),
            new("driver", Driver, Help: "the driver the device needs, which a bare-metal hypervisor or a privileged guest must have"),
        ]),
        new("power", named: false,
        [
            new("idle", Power("110W"), Help: "watts drawn when the host is up and idle"),
            new("max", Power("450W"), Help: "watts drawn at full CPU utilization (linear in between)"),
        ]),

        new("app", named: true,
        [
            new("conflicts", new ListType(new ReferenceType(["app"])), Help: "applications it may not share a userland with"),
            new("isolation", new EnumType(["process", "container", "vm", "host"]), Help: "the boundary it needs from other applications (default process)"),
            new("zone", new WordType(), Help: "security zone: applications of different zones need a VM boundary between them"),
            new("replicas", Replicas, Help: "places (guests or hosts, copies counted) it must run in (default 1)"),
            new("spread", new EnumType(["host"]), Help: "`host`: no two replicas on one host"),
            new("rto", RecoveryTime, Help: "recovery time objective: how long failing over to another site takes once it lost its last instance in a site (default 0: at once)"),
        ], [("requires", false), ("demand", false), ("failures", false)], help: "an application of the catalog"),
        new("requires", named: false,
        [
            new("os", new ListType(new ReferenceType(["os"])), Help: "certified platforms"),
            new("patch", Constraint, Help: "certified patch levels"),
            new("version", Constraint, Help: "certified OS releases"),
            new("kernel", Constraint, Help: "certified kernel versions"),
        ]),
        new("demand", named: false,
        [
            new("cpu", Demand, Help: "reference cores (2.5GHz) at 100 %"),
            new("memory", Memory, Help: "memory each instance uses, in bytes"),
            new("io", new EnumType(["light", "moderate", "heavy"]), Help: "I/O class: sets the I/O per core not given below"),
            new("iops", Iops, Help: "disk requests per second at full demand"),
            new("throughput", Bandwidth("200MB/s"), Help: "disk bytes per second at full demand"),
            new("network", Bandwidth("1Gbps"), Help: "network traffic at full demand, in bits per second"),
            new("dirty_rate", Bandwidth("40MB/s"), Help: "memory written per second at 100 %, which live migration resends (default by io)"),
            new("syscalls", KernelEntryRate, Help: "system calls per second at full demand, beyond its io class (default 0)"),
            new("page_faults", KernelEntryRate, Help: "page faults per second at full demand, beyond its io class (default 0)"),
            new("forks", KernelEntryRate, Help: "process creations (fork, exit and wait) per second at full demand, beyond its io class (default 0)"),
            new("profile", new CallType(["constant", "diurnal", "weekly", "spiky", "trace"]), Help: "the load over time, as a fraction of the demand (default constant(100%))"),
        ]),

        new("host", named: true,
        [
            .. HardwareAttributes,
            new("os", new ReferenceType(["os"]), Help: "the OS on the metal (none under a bare-metal or paravirtual hypervisor)"),
            new("patch", Version, Help: "the host OS's patch level"),
            new("runs", new ListType(new ReferenceType(["app"])), Help: "applications on the host OS"),
            new("count", Copies, Help: "make NAME-1 .. NAME-N"),
            new("site", new ReferenceType(["site"]), Help: "the site it stands in (copies share it); none: with every other host that names none"),
        ], [.. HardwareChildren, ("hypervisor", false), ("vm", true), ("container", true)], help: "a physical machine", baseKind: "hardware"),
        new("hypervisor", named: false,
        [
            new("kind", new EnumType(["none", "hosted", "bare_metal", "paravirtual", "os_level"]), Required: true, Help: "how guests are virtualized: which guests it runs and what it costs"),
            new("product", new StringType(), Help: "the product's name, for reports"),
            new("version", Version, Help: "the product's version, for reports"),
            new("drivers", new ListType(Driver), Help: "device drivers a bare-metal hypervisor has: one for each device of its host"),
            new("acceleration", new EnumType(["hardware", "software"]), Help: "VT-x/AMD-V or binary translation (default hardware when the CPU has vtx or amdv)"),
            new("page_sharing", Bool, Help: "share identical pages between guests of the same OS image under memory pressure (default false)"),
            new("ballooning", Bool, Help: "balloon idle guest memory before host swapping (default true under hosted, bare_metal, paravirtual)"),
        ], [("overhead", false), ("failures", false)]),
        new("overhead", named: false,
        [
            new("cpu", Factor, Help: "CPU factor: guest CPU work costs this many times native (default: the cost model's)"),
            new("io", Factor, Help: "I/O factor: guest I/O costs this many times native (default: the cost model's)"),
            new("memory_per_guest", Memory, Help: "the hypervisor's memory for each guest, in bytes (default: the cost model's)"),
        ]),
        new("vm", named: true,
        [
            new("os", new ReferenceType(["os"]), Help: "the guest OS"),
            new("patch", Version, Help: "the guest OS's patch level"),
            new("vcpus", Vcpus, Required: true, Help: "virtual CPUs: each runs at most one core at the host's speed"),
            new("memory", Memory, Required: true, Help: "configured memory, in bytes: what the VM holds when its host has room"),
            new("disk", Memory, Help: "virtual disk size, in bytes, taken from its host's disks"),
            new("runs", new ListType(new ReferenceType(["app"])), Help: "applications in the VM"),
            new("count", Copies, Help: "make NAME-1 .. NAME-N on the same host"),
            new("privileged", Bool, Help: "the driver domain (dom0) of a paravirtual host (default false)"),
            new("restart_priority", RestartPriority, Help: "its turn in its cluster's HA restarts: high first, disabled never (default medium)"),
        ], help: "a virtual machine"),
        new("container", named: true,
        [
            new("os", new ReferenceType(["os"]), Help: "must be its host's: a container shares the host's kernel"),
            new("patch", Version, Help: "must be its host's patch level"),
            new("runs", new ListType(new ReferenceType(["app"])), Help: "applications in the container"),
            new("cpu_shares", Shares, Help: "its weight when the host's CPU is shared (default 1)"),
            new("memory_limit", Memory, Help: "the most memory it may hold, in bytes (none: no limit)"),
            new("burst", Bool, Help: "may use CPU the others leave idle beyond its share (default false)"),
            new("count", Copies, Help: "make NAME-1 .. NAME-N on the same host"),
            new("restart_priority", RestartPriority, Help: "its turn in its cluster's HA restarts: high first, disabled never (default medium)"),
        ], help: "an OS-level container"),

        new("cluster", named: true, [new("hosts", new ListType(new ReferenceType(["host"])), Help: "the hosts it groups (a host in two takes the first's policy)")], [("policy", false)], help: "a group of hosts"),
        new("policy", named: false,
        [
            new("cpu_overcommit", Factor, Help: "vCPUs allowed per logical CPU of a host (default 4.0)"),
            new("memory_overcommit", Factor, Help: "guest memory allowed per byte of a host's memory (default 1.0)"),
            new("ha", Bool, Help: "restart a failed host's guests on the cluster's other hosts that have room (default false)"),
            new("restart_delay", RestartDelay, Help: "from a host's failure to its guests' HA restarts (default 15s, vSphere HA's failure detection)"),
            new("admission_reserve", AdmissionReserve, Help: "share of the cluster's CPU and memory kept free for HA restarts (default one host's share, 1 / hosts)"),
        ]),

        new("failures", named: false,
        [
            new("mtbf", Mtbf, Help: "mean time between failures: the mean up time before the next failure, whatever the distribution"),
            new("mttr", Mttr, Help: "mean time to repair (or restart): how long the component is down, on average"),
            new("distribution", new EnumType(["exponential", "weibull", "lognormal"]), Help: "how up times are drawn, with the mean mtbf (default exponential)"),
            new("shape", WeibullShape, Help: "the Weibull shape k, needed by `distribution = weibull` (1: exponential; above 1: wear-out)"),
            new("sigma", LognormalSigma, Help: "the lognormal σ of up times, needed by `distribution = lognormal`"),
            new("repair", new EnumType(["exponential", "fixed", "lognormal"]), Help: "how repair times are drawn, with the mean mttr (default exponential)"),
            new("repair_sigma", LognormalSigma, Help: "the lognormal σ of repair times, needed by `repair = lognormal`"),
        ], help: "random failures of what contains it: a machine (in `hardware` or `host`), a hypervisor, a guest OS (in `os`), an application instance (in `app`)"),
        new("site", named: true,
        [
            new("location", new StringType(), Help: "where it is (a city, a building), for reports"),
        ], help: "a data center or availability zone: hosts name theirs, and applications fail over between them"),

        new("pool", named: true,
        [
            new("hardware", new ReferenceType(["hardware"]), Required: true, Help: "the machine model of every machine in the pool"),
            new("count", Copies, Required: true, Help: "machines available: a plan names them POOL-1 .. POOL-N"),
            new("os", new ReferenceType(["os"]), Help: "the host OS, for the kinds none, hosted and os_level (none under bare_metal)"),
            new("patch", Version, Help: "the host OS's patch level"),
            new("site", new ReferenceType(["site"]), Help: "the site its machines stand in"),
            new("cluster", new ReferenceType(["cluster"]), Help: "the cluster its placed machines join: its policy's overcommit and HA admission reserve size them"),
        ], [("hypervisor", false)], help: "machines a plan may place applications on (`vdl plan`; docs/planning.md)"),
        new("plan", named: true,
        [
            new("apps", new ListType(new ReferenceType(["app"])), Help: "the applications to place, each with its replicas (default: every app)"),
            new("pools", new ListType(new ReferenceType(["pool"])), Help: "the pools it may use, first preferred (default: every pool)"),
            new("target", new QuantityType(Dimension.Ratio, Minimum: 0, Example: "70%", Maximum: 1), Help: "the highest CPU utilization of a host in any time bucket, above 0 (default 70%)"),
            new("spare", new NumberType(Minimum: 0, Whole: true, Maximum: ModelSize.MaximumCopies - 1), Help: "machines left free in each pool, for failures (default 0)"),
            new("objective", new EnumType(["hosts", "energy"]), Help: "what to minimize: machines used, or their energy over the horizon (default hosts)"),
            new("horizon", new QuantityType(Dimension.Time, Minimum: 0, Example: "7d", Maximum: 366 * 86_400), Help: "the time over which profiles are sampled, from a Monday 00:00 (default 7d)"),
            new("bucket", new QuantityType(Dimension.Time, Minimum: 0, Example: "1h", Maximum: 366 * 86_400), Help: "the length of a time bucket: a host's load is summed per bucket (default 1h)"),
        ], help: "what `vdl plan` places, where, and how full (docs/planning.md)"),

        new("scenario", named: true,
        [
            new("duration", new QuantityType(Dimension.Time, Minimum: 0, Example: "7d"), Required: true, Help: "simulated time, from 0"),
            new("step", new QuantityType(Dimension.Time, Minimum: 0, Example: "1m"), Help: "the time between two samples of the load (default 1m)"),
            new("seed", Seed, Help: "the random stream's seed: the same seed gives the same run (default 42)"),
            new("random_failures", Bool, Help: "whether the model's `failures` blocks fail things in this scenario (default true)"),
        ], help: "a what-if to simulate"),
    }.ToFrozenDictionary(b => b.Kind, StringComparer.Ordinal);
}
