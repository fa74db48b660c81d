using System.Collections.Frozen;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Semantics;

/// <summary>
/// The schema of every block kind of language.md: the one table that the checker, the editor's completion and
/// hover, and docs/language.md ("Schema") agree on.
/// </summary>
public static class ModelSchema
{
    private static readonly NumberType Count = new(Minimum: 1, Whole: true);

    // `count` makes copies that the simulator models one by one: past this, a model is a mistake, not a datacenter.
    private static readonly NumberType Copies = new(Minimum: 1, Whole: true, Maximum: 100_000);
    private static readonly StringType Version = new("a version string such as \"8.6\"");
    private static readonly StringType Constraint = new("a version constraint such as \">= 2024.03\"");
    private static readonly StringType Driver = new("a driver name such as \"nvme\"");
    private static readonly EnumType Bool = new(["true", "false"]);
    private static readonly QuantityType Memory = new(Dimension.Memory, Minimum: 0, Example: "16GiB");

    public static IReadOnlyList<string> TopLevelKinds => SyntaxFacts.TopLevelBlockKinds;

    public static readonly IReadOnlyList<string> GuestKinds = ["vm", "container"];

    private static readonly (string, bool)[] HardwareChildren = [("cpu", false), ("disk", true), ("nic", true), ("power", false)];

    private static readonly AttributeSchema[] HardwareAttributes = [new("memory", Memory, Help: "installed memory")];

    public static readonly FrozenDictionary<string, BlockSchema> Blocks = new BlockSchema[]
    {
        new("os", named: true,
        [
            new("family", new EnumType(["linux", "windows", "solaris", "bsd"]), Required: true),
            new("version", Version, Help: "the release"),
            new("kernel", Version, Help: "the kernel version"),
            new("paravirt", Bool, Help: "a paravirtualization-aware (modified) kernel exists"),
            new("drivers", new ListType(Driver), Help: "device drivers the OS has"),
        ], help: "an operating system of the catalog"),

        new("hardware", named: true, HardwareAttributes, HardwareChildren, help: "a machine model of the catalog"),
        new("cpu", named: false,
        [
            new("sockets", Count), new("cores", Count, Help: "per socket"), new("threads", Count, Help: "per core"),
            new("clock", new QuantityType(Dimension.Frequency, Minimum: 0, Example: "2.6GHz"), Help: "capacity scales with it; none: the reference 2.5GHz"),
            new("smt_yield", new QuantityType(Dimension.Ratio, Minimum: 0, Example: "25%", Maximum: 1), Help: "what each extra thread adds to a busy core (default 25%)"),
            new("features", new ListType(new EnumType(["vtx", "amdv", "ept", "npt"])), Help: "virtualization features"),
        ]),
        new("disk", named: true,
        [
            new("capacity", Memory), new("iops", new NumberType(Minimum: 0)),
            new("throughput", new QuantityType(Dimension.Bandwidth, Minimum: 0, Example: "3GB/s")), new("driver", Driver),
        ]),
        new("nic", named: true, [new("speed", new QuantityType(Dimension.Bandwidth, Minimum: 0, Example: "25Gbps")), new("driver", Driver)]),
        new("power", named: false,
        [
            new("idle", new QuantityType(Dimension.Power, Minimum: 0, Example: "110W")),
            new("max", new QuantityType(Dimension.Power, Minimum: 0, Example: "450W")),
        ]),

        new("app", named: true,
        [
            new("conflicts", new ListType(new ReferenceType(["app"])), Help: "applications it may not share a userland with"),
            new("isolation", new EnumType(["process", "container", "vm", "host"])),
            new("zone", new WordType(), Help: "security zone"),
            new("replicas", Count),
            new("spread", new EnumType(["host"])),
        ], [("requires", false), ("demand", false)], help: "an application of the catalog"),
        new("requires", named: false,
        [
            new("os", new ListType(new ReferenceType(["os"])), Help: "certified platforms"),
            new("patch", Constraint, Help: "certified patch levels"),
            new("version", Constraint), new("kernel", Constraint),
        ]),
        new("demand", named: false,
        [
            new("cpu", new NumberType(Minimum: 0), Help: "reference cores (2.5GHz) at 100 %"),
            new("memory", Memory),
            new("io", new EnumType(["light", "moderate", "heavy"]), Help: "I/O class: sets the I/O per core not given below"),
            new("iops", new NumberType(Minimum: 0), Help: "disk requests per second at full demand"),
            new("throughput", new QuantityType(Dimension.Bandwidth, Minimum: 0, Example: "200MB/s"), Help: "disk bytes per second at full demand"),
            new("network", new QuantityType(Dimension.Bandwidth, Minimum: 0, Example: "1Gbps"), Help: "network traffic at full demand"),
            new("dirty_rate", new QuantityType(Dimension.Bandwidth, Minimum: 0, Example: "40MB/s"),
                Help: "memory written per second at 100 %, which live migration resends (default by io)"),
            new("syscalls", new NumberType(Minimum: 0), Help: "system calls per second at full demand, beyond its io class (default 0)"),
            new("page_faults", new NumberType(Minimum: 0), Help: "page faults per second at full demand, beyond its io class (default 0)"),
            new("forks", new NumberType(Minimum: 0), Help: "process creations (fork, exit and wait) per second at full demand, beyond its io class (default 0)"),
            new("profile", new CallType(["constant", "diurnal", "weekly", "spiky", "trace"])),
        ]),

        new("host", named: true,
        [
            .. HardwareAttributes,
            new("os", new ReferenceType(["os"])), new("patch", Version),
            new("runs", new ListType(new ReferenceType(["app"])), Help: "applications on the host OS"),
            new("count", Copies, Help: "make NAME-1 .. NAME-N"),
        ], [.. HardwareChildren, ("hypervisor", false), ("vm", true), ("container", true)], help: "a physical machine"),
        new("hypervisor", named: false,
        [
            new("kind", new EnumType(["none", "hosted", "bare_metal", "paravirtual", "os_level"]), Required: true),
            new("product", new StringType()), new("version", Version), new("drivers", new ListType(Driver)),
            new("acceleration", new EnumType(["hardware", "software"])),
            new("page_sharing", Bool, Help: "share identical pages between guests of the same OS image under memory pressure (default false)"),
            new("ballooning", Bool, Help: "balloon idle guest memory before host swapping (default true under hosted, bare_metal, paravirtual)"),
        ], [("overhead", false)]),
        new("overhead", named: false,
        [
            new("cpu", new NumberType(Minimum: 1), Help: "CPU factor"), new("io", new NumberType(Minimum: 1), Help: "I/O factor"),
            new("memory_per_guest", Memory),
        ]),
        new("vm", named: true,
        [
            new("os", new ReferenceType(["os"])), new("patch", Version),
            new("vcpus", Count, Required: true), new("memory", Memory, Required: true), new("disk", Memory),
            new("runs", new ListType(new ReferenceType(["app"]))), new("count", Copies), new("privileged", Bool),
        ], help: "a virtual machine"),
        new("container", named: true,
        [
            new("os", new ReferenceType(["os"])), new("patch", Version),
            new("runs", new ListType(new ReferenceType(["app"]))), new("cpu_shares", new NumberType(Minimum: 0)),
            new("memory_limit", Memory), new("burst", Bool), new("count", Copies),
        ], help: "an OS-level container"),

        new("cluster", named: true, [new("hosts", new ListType(new ReferenceType(["host"])))], [("policy", false)], help: "a group of hosts"),
        new("policy", named: false,
        [
            new("cpu_overcommit", new NumberType(Minimum: 1)), new("memory_overcommit", new NumberType(Minimum: 1)),
        ]),

        new("scenario", named: true,
        [
            new("duration", new QuantityType(Dimension.Time, Minimum: 0, Example: "7d"), Required: true),
            new("step", new QuantityType(Dimension.Time, Minimum: 0, Example: "1m")),
            new("seed", new NumberType(Minimum: 0, Whole: true)),
        ], help: "a what-if to simulate"),
    }.ToFrozenDictionary(b => b.Kind, StringComparer.Ordinal);
}
