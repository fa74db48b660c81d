using System.Globalization;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Schema;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Binding;

/// <summary>
/// Turns the declarations of a model into symbols with effective values: each block read through its base chain
/// (a base of a base included; a cycle is VDL1009 and the chain stops there), references resolved to symbols and
/// recorded for the editor, documented defaults applied, and the names <c>count</c> makes checked against the
/// declared ones (VDL1008). It reports only what the schema rules cannot see; ill-typed values read as absent.
/// </summary>
internal sealed class Binder
{
    private readonly SymbolTable _table;
    private readonly List<Diagnostic> _diagnostics;
    private readonly ValueReader _values = new();
    private readonly TraceFiles _traces;
    private readonly ChunkedList<(ModelFile File, SyntaxToken Token)> _references = new();

    public Binder(IReadOnlyList<ModelFile> files, SymbolTable table, List<Diagnostic> diagnostics)
    {
        _table = table;
        _diagnostics = diagnostics;
        _traces = new TraceFiles(diagnostics);
        Files = files;
    }

    private IReadOnlyList<ModelFile> Files { get; }

    public SemanticModel Bind()
    {
        var oses = new List<OsSymbol>();
        var hardware = new List<HardwareSymbol>();
        var apps = new List<ApplicationSymbol>();
        var hosts = new List<HostSymbol>();
        var clusters = new List<ClusterSymbol>();
        var scenarios = new List<ScenarioSymbol>();
        var sites = new List<SiteSymbol>();
        var pools = new List<PoolSymbol>();
        var plans = new List<PlanSymbol>();

        // Catalog entries first (hosts and guests refer to them), then hosts with their guests, then what refers to hosts.
        var later = new List<(string Name, string Kind, BlockView View)>();
        foreach (var declaration in _table.All)
        {
            var (name, kind, file, block) = (declaration.Name, declaration.Kind, declaration.File, declaration.Block);
            switch (kind)
            {
                case "os": oses.Add(Add(BindOs(name, View(file, block)))); break;
                case "hardware": hardware.Add(Add(new HardwareSymbol(name, View(file, block)))); break;
                case "app": apps.Add(Add(BindApp(name, View(file, block)))); break;
                case "site": sites.Add(Add(BindSite(name, View(file, block)))); break;
                case "host" or "cluster" or "scenario" or "pool" or "plan": later.Add((name, kind, View(file, block))); break;
            }
        }

        foreach (var (name, _, view) in later.Where(l => l.Kind == "host"))
        {
            hosts.Add(BindHost(name, view));
        }

        foreach (var (name, _, view) in later.Where(l => l.Kind == "pool"))
        {
            pools.Add(Add(BindPool(name, view)));
        }

        foreach (var (name, kind, view) in later)
        {
            switch (kind)
            {
                case "cluster": clusters.Add(Add(BindCluster(name, view))); break;
                case "scenario": scenarios.Add(Add(BindScenario(name, view))); break;
                case "plan": plans.Add(Add(BindPlan(name, view, Sorted(apps), Sorted(pools)))); break;
            }
        }

        // Pools are bound before clusters (a plan names pools); the cluster a pool joins is read once clusters exist.
        foreach (var pool in pools)
        {
            pool.Cluster = Reference<ClusterSymbol>(pool.View, "cluster");
        }

        foreach (var file in Files)
        {
            foreach (var block in file.Tree.Root.Blocks)
            {
                RecordBase(file, block);

                // One walk over the members (three OfType walks made three iterators per block), in the same order
                // of recording: the nested blocks' bases, then the statements, then the expectations.
                foreach (var member in block.Members)
                {
                    if (member is BlockSyntax nested)
                    {
                        RecordBase(file, nested);
                    }
                }

                foreach (var member in block.Members)
                {
                    if (member is ScenarioStatementSyntax statement)
                    {
                        RecordStatement(file, statement);
                    }
                }

                foreach (var member in block.Members)
                {
                    if (member is ExpectStatementSyntax expect)
                    {
                        Record(file, expect.Subject);
                    }
                }
            }
        }

        RemoveRepeatedReferences();
        CheckCopyNames();
        static IReadOnlyList<T> Sorted<T>(List<T> list)
            where T : ModelSymbol => [.. list.OrderBy(s => s.File.Path, StringComparer.Ordinal).ThenBy(s => s.Declaration.Span.Start)];
        foreach (var site in sites)
        {
            site.Hosts = [.. Sorted(hosts).Where(h => ReferenceEquals(h.Site, site))];
        }

        return new SemanticModel(Sorted(oses), Sorted(hardware), Sorted(apps), Sorted(hosts), Sorted(clusters), Sorted(scenarios), _references, _table)
        {
            Sites = Sorted(sites),
            Pools = Sorted(pools),
            Plans = Sorted(plans),
        };
    }

    /// <summary>
    /// Binds <paramref name="symbol"/> to its declaration in the table. The table is the one table of names: a second,
    /// name to bound symbol, was a copy of it (two large-object arrays of a hundred thousand entries per check).
    /// </summary>
    private T Add<T>(T symbol)
        where T : ModelSymbol
    {
        _table.Declared(symbol.Name)!.Bound = symbol;
        return symbol;
    }

    /// <summary>The symbol bound so far for the declared name <paramref name="name"/> (no copies).</summary>
    private ModelSymbol? Bound(ReadOnlySpan<char> name) => _table.Declared(name)?.Bound;

    /// <summary>The block and its bases, nearest first (built once per declaration). A base of the wrong kind or a missing one ends the chain (reported by the schema rules).</summary>
    private BlockView View(ModelFile file, BlockSyntax block)
    {
        if (block.BaseClause is null)
        {
            return new BlockView(file, block);
        }

        var chain = new List<(ModelFile, BlockSyntax)> { (file, block) };
        var current = block;
        var baseKind = ModelSchema.BaseKindOf(BlockKinds.Of(block));
        while (current.BaseClause is { BaseName: { IsMissing: false } baseName }
               && _table.Declared(baseName.TextAsSpan) is { } declared && declared.Kind == baseKind)
        {
            var next = (declared.File, declared.Block);
            if (InChain(chain, next.Block))
            {
                // Self-reference is VDL1005 (schema rules); a longer loop is reported once, at the block that closes it.
                if (!ReferenceEquals(next.Block, current) && ReferenceEquals(next.Block, block))
                {
                    var names = string.Join(" → ", chain.Select(c => $"`{c.Item2.Name?.Text}`").Append($"`{baseName.Text}`"));
                    _diagnostics.Add(new Diagnostic(CompilerDiagnostics.BaseCycle, new Location(file.Tree.Text, block.BaseClause!.BaseName.Span),
                        [block.Name?.Text ?? "?", names]));
                }

                break;
            }

            chain.Add(next);
            current = next.Block;
        }

        return new BlockView(file, block, [.. chain.Skip(1)]);
    }

    // A search of the chain rather than a set of reference-hashed blocks: chains are a few blocks long, and hashing an
    // object by reference (RuntimeHelpers.GetHashCode) was measured at microseconds per call here.
    private static bool InChain(List<(ModelFile File, BlockSyntax Block)> chain, BlockSyntax block)
    {
        foreach (var (_, seen) in chain)
        {
            if (ReferenceEquals(seen, block))
            {
                return true;
            }
        }

        return false;
    }

    private OsSymbol BindOs(string name, BlockView view) => new(name, view)
    {
        Family = ValueReader.Word(view.Find("family")?.Attribute.ValueView),
        Version = _values.Text(view.Find("version")?.Attribute.ValueView),
        Kernel = _values.Text(view.Find("kernel")?.Attribute.ValueView),
        Paravirt = ValueReader.Bool(view.Find("paravirt")?.Attribute.ValueView) ?? false,
        Drivers = Texts(view.Find("drivers")?.Attribute.ValueView),
        Failures = Failures(view.Child("failures")),
    };

    private ApplicationSymbol BindApp(string name, BlockView view)
    {
        var requires = view.Child("requires");
        var demand = view.Child("demand");
        var app = new ApplicationSymbol(name, view)
        {
            CertifiedOs = References(requires, "os"),
            CertifiedPatch = ValueReader.Constraint(requires.Find("patch")?.Attribute.ValueView),
            CertifiedVersion = ValueReader.Constraint(requires.Find("version")?.Attribute.ValueView),
            CertifiedKernel = ValueReader.Constraint(requires.Find("kernel")?.Attribute.ValueView),
            Conflicts = References(view, "conflicts"),
            Isolation = ValueReader.Word(view.Find("isolation")?.Attribute.ValueView) ?? "process",
            Zone = ValueReader.Word(view.Find("zone")?.Attribute.ValueView),
            Replicas = Whole(view, "replicas") ?? 1,
            Spread = ValueReader.Word(view.Find("spread")?.Attribute.ValueView),
            RecoveryTimeSeconds = Math.Max(0, _values.Number(view.Find("rto")?.Attribute.ValueView, Dimension.Time) ?? 0),
            Cpu = Math.Max(0, _values.Number(demand.Find("cpu")?.Attribute.ValueView, Dimension.None) ?? 0),
            MemoryBytes = Math.Max(0, _values.Number(demand.Find("memory")?.Attribute.ValueView, Dimension.Memory) ?? 0),
            Io = ModelNames.TryParseIoClass(ValueReader.Word(demand.Find("io")?.Attribute.ValueView) ?? "light", out var io) ? io : IoClass.Light,
            Iops = NonNegative(_values.Number(demand.Find("iops")?.Attribute.ValueView, Dimension.None)),
            DiskBytesPerSecond = NonNegative(_values.Number(demand.Find("throughput")?.Attribute.ValueView, Dimension.Bandwidth) / 8),
            NetworkBitsPerSecond = NonNegative(_values.Number(demand.Find("network")?.Attribute.ValueView, Dimension.Bandwidth)),
            DirtyBitsPerSecond = NonNegative(_values.Number(demand.Find("dirty_rate")?.Attribute.ValueView, Dimension.Bandwidth)),
            KernelEntries = new KernelEntryRates(Rate(demand, "syscalls"), Rate(demand, "page_faults"), Rate(demand, "forks")),
            Failures = Failures(view.Child("failures")),
        };
        var profileAttribute = demand.Find("profile");
        // A call is a node; a one-token value (a wrong type, reported) reads as none.
        var profileExpression = profileAttribute?.Attribute.ValueView.Node;
        app.Profile = (profileExpression as CallExpressionSyntax)?.Name.Text;
        if (profileExpression is CallExpressionSyntax { Name.Text: "trace" } trace && trace.Arguments.Count > 0
            && _values.Text(trace.Arguments[0].Value) is { } relative)
        {
            // Relative to the file that writes the call (a base's, when the profile is inherited), as the run reads it.
            var file = profileAttribute!.Value.File;
            app.TraceFile = Path.Combine(Path.GetDirectoryName(file.Path) ?? string.Empty, relative);
            app.RuntimeProfile = _traces.Load(app.TraceFile, new Location(file.Tree.Text, trace.Arguments[0].Value.Span));
        }

        if (app.RuntimeProfile is { } loaded)
        {
            app.ProfilePeak = loaded.Peak;
            app.ProfileMean = loaded.Mean;
        }
        else if (ProfileReader.Read(profileExpression, _values) is { } profile)
        {
            app.RuntimeProfile = profile;
            app.ProfilePeak = profile.Peak;
            app.ProfileMean = profile.Mean;
        }

        return app;
    }

    private HostSymbol BindHost(string name, BlockView view)
    {
        var host = Add(new HostSymbol(name, view)
        {
            Copies = Whole(view, "count") ?? 1,
            Runs = Applications(view),
            Site = Reference<SiteSymbol>(view, "site"),
        });
        if (view.Block.BaseClause is { BaseName: { IsMissing: false } baseName })
        {
            host.Hardware = Bound(baseName.TextAsSpan) as HardwareSymbol;
        }

        ReadMachine(host, view, view);
        var guests = new List<GuestSymbol>(view.Block.Members.Length); // at most one per member: no regrowth
        foreach (var member in view.Block.Members)
        {
            if (member is not BlockSyntax block || !(block.KindToken.TextEquals("vm") || block.KindToken.TextEquals("container")))
            {
                continue;
            }

            if (block.Name is not { IsMissing: false } guestName || _table.Declared(guestName.TextAsSpan) is not { } declared || !ReferenceEquals(declared.Block, block))
            {
                continue; // unnamed or a duplicate: reported elsewhere
            }

            var guestView = View(view.File, block);
            var found = _guestAttributes;
            guestView.FindEach(GuestAttributes.Slots, found);
            ValueView? Value(GuestAttribute attribute) => found[(int)attribute]?.Attribute.ValueView;
            guests.Add(Add(new GuestSymbol(declared.Name, guestView, host)
            {
                Copies = Whole(Value(GuestAttribute.Count)) ?? 1,
                OwnOs = Reference<OsSymbol>(guestView, found[(int)GuestAttribute.Os]),
                OwnPatch = _values.Text(Value(GuestAttribute.Patch)),
                OwnPatchVersion = ValueReader.Version(Value(GuestAttribute.Patch)),
                Vcpus = Whole(Value(GuestAttribute.Vcpus)) ?? 0,
                MemoryBytes = _values.Number(Value(GuestAttribute.Memory), Dimension.Memory) ?? 0,
                DiskBytes = _values.Number(Value(GuestAttribute.Disk), Dimension.Memory) ?? 0,
                Privileged = ValueReader.Bool(Value(GuestAttribute.Privileged)) ?? false,
                CpuShares = _values.Number(Value(GuestAttribute.CpuShares), Dimension.None) ?? 1,
                MemoryLimitBytes = _values.Number(Value(GuestAttribute.MemoryLimit), Dimension.Memory),
                Burst = ValueReader.Bool(Value(GuestAttribute.Burst)) ?? false,
                RestartPriority = ModelNames.TryParseRestartPriority(ValueReader.Word(Value(GuestAttribute.RestartPriority)) ?? string.Empty, out var priority)
                    ? priority
                    : RestartPriority.Medium,
                Runs = Applications(guestView, found[(int)GuestAttribute.Runs]),
            }));
        }

        host.Guests = guests;
        return host;
    }

    /// <summary>
    /// The machine of a host (or of a pool's machines): its hardware from <paramref name="machine"/> (the block and its
    /// bases), its OS and hypervisor from <paramref name="settings"/> (the host itself, or the pool).
    /// </summary>
    private void ReadMachine(HostSymbol host, BlockView machine, BlockView settings)
    {
        var view = machine;
        var cpu = machine.Child("cpu");
        var power = machine.Child("power");
        var hypervisor = settings.Child("hypervisor");
        host.HasCpu = !cpu.IsEmpty;
        host.Sockets = Whole(cpu, "sockets") ?? 1;
        host.Cores = Whole(cpu, "cores") ?? 1;
        host.Threads = Whole(cpu, "threads") ?? 1;
        host.ClockHz = _values.Number(cpu.Find("clock")?.Attribute.ValueView, Dimension.Frequency) ?? 0;
        host.SmtYield = _values.Number(cpu.Find("smt_yield")?.Attribute.ValueView, Dimension.Ratio) is { } yield ? Math.Clamp(yield, 0, 1) : null;
        host.Features = Features(cpu.Find("features")?.Attribute.ValueView);
        host.MemoryBytes = _values.Number(view.Find("memory")?.Attribute.ValueView, Dimension.Memory) ?? 0;
        host.Disks = Devices(view, "disk");
        host.Nics = Devices(view, "nic");
        host.IdleWatts = _values.Number(power.Find("idle")?.Attribute.ValueView, Dimension.Power) ?? PowerSpec.Default.IdleWatts;
        host.MaxWatts = _values.Number(power.Find("max")?.Attribute.ValueView, Dimension.Power) ?? PowerSpec.Default.MaxWatts;
        host.Os = Reference<OsSymbol>(settings, "os");
        var patch = settings.Find("patch")?.Attribute.ValueView;
        host.Patch = _values.Text(patch);
        host.PatchVersion = ValueReader.Version(patch);
        host.HasHypervisorBlock = !hypervisor.IsEmpty;
        host.HypervisorDrivers = Texts(hypervisor.Find("drivers")?.Attribute.ValueView);
        host.PageSharing = ValueReader.Bool(hypervisor.Find("page_sharing")?.Attribute.ValueView) ?? false;
        host.Ballooning = ValueReader.Bool(hypervisor.Find("ballooning")?.Attribute.ValueView);
        host.Failures = Failures(machine.Child("failures"));
        host.HypervisorFailures = Failures(hypervisor.Child("failures"));
        if (ValueReader.Word(hypervisor.Find("kind")?.Attribute.ValueView) is { } kind && ModelNames.TryParseHypervisorKind(kind, out var parsed))
        {
            host.HypervisorKind = parsed;
        }

        var acceleration = ValueReader.Word(hypervisor.Find("acceleration")?.Attribute.ValueView);
        host.AccelerationWritten = acceleration is not null;
        host.Acceleration = acceleration is not null && ModelNames.TryParseAcceleration(acceleration, out var a)
            ? a
            : host.Cpu.HasHardwareAssist ? Acceleration.Hardware : Acceleration.Software;

        var overhead = hypervisor.Child("overhead");
        if (!overhead.IsEmpty)
        {
            var perGuest = _values.Number(overhead.Find("memory_per_guest")?.Attribute.ValueView, Dimension.Memory);
            host.Overrides = new CostOverrides
            {
                Cpu = _values.Number(overhead.Find("cpu")?.Attribute.ValueView, Dimension.None),
                Io = _values.Number(overhead.Find("io")?.Attribute.ValueView, Dimension.None),
                MemoryPerGuestBytes = perGuest is { } b ? (long)b : null,
            };
        }
    }

    private PoolSymbol BindPool(string name, BlockView view)
    {
        var hardware = Reference<HardwareSymbol>(view, "hardware");
        var machine = new HostSymbol(name, view) { Hardware = hardware };
        ReadMachine(machine, hardware?.View ?? view, view);
        return new PoolSymbol(name, view, machine)
        {
            Hardware = hardware,
            Count = Whole(view, "count") ?? 1,
            Site = Reference<SiteSymbol>(view, "site"),
        };
    }

    private PlanSymbol BindPlan(string name, BlockView view, IReadOnlyList<ApplicationSymbol> apps, IReadOnlyList<PoolSymbol> pools)
    {
        var plan = new PlanSymbol(name, view)
        {
            Applications = view.Find("apps") is null ? [.. apps] : [.. References(view, "apps").Select(n => Bound(n)).OfType<ApplicationSymbol>()],
            Pools = view.Find("pools") is null ? [.. pools] : [.. References(view, "pools").Select(n => Bound(n)).OfType<PoolSymbol>()],
            Spare = Whole(view, "spare") ?? 0,
            Objective = ValueReader.Word(view.Find("objective")?.Attribute.ValueView) ?? "hosts",
        };
        plan.Target = _values.Number(view.Find("target")?.Attribute.ValueView, Dimension.Ratio) ?? PlanSymbol.DefaultTarget;
        plan.HorizonSeconds = _values.Number(view.Find("horizon")?.Attribute.ValueView, Dimension.Time) ?? PlanSymbol.DefaultHorizonSeconds;
        plan.BucketSeconds = _values.Number(view.Find("bucket")?.Attribute.ValueView, Dimension.Time) ?? PlanSymbol.DefaultBucketSeconds;
        return plan;
    }

    private ClusterSymbol BindCluster(string name, BlockView view)
    {
        var policy = view.Child("policy");
        var cluster = new ClusterSymbol(name, view)
        {
            CpuOvercommit = _values.Number(policy.Find("cpu_overcommit")?.Attribute.ValueView, Dimension.None) ?? ClusterSpec.DefaultCpuOvercommit,
            MemoryOvercommit = _values.Number(policy.Find("memory_overcommit")?.Attribute.ValueView, Dimension.None) ?? ClusterSpec.DefaultMemoryOvercommit,
            Ha = ValueReader.Bool(policy.Find("ha")?.Attribute.ValueView) ?? false,
            AdmissionReserve = _values.Number(policy.Find("admission_reserve")?.Attribute.ValueView, Dimension.Ratio),
        };
        if (_values.Number(policy.Find("restart_delay")?.Attribute.ValueView, Dimension.Time) is { } delay)
        {
            cluster.RestartDelaySeconds = delay;
        }

        var hosts = new List<HostSymbol>();
        foreach (var hostName in References(view, "hosts"))
        {
            if (Bound(hostName) is HostSymbol host)
            {
                hosts.Add(host);
                host.Cluster ??= cluster; // a host in two clusters takes the first's policy
            }
        }

        cluster.Hosts = hosts;
        return cluster;
    }

    private SiteSymbol BindSite(string name, BlockView view) => new(name, view)
    {
        Location = _values.Text(view.Find("location")?.Attribute.ValueView),
    };

    private ScenarioSymbol BindScenario(string name, BlockView view) => new(name, view)
    {
        Duration = _values.Number(view.Find("duration")?.Attribute.ValueView, Dimension.Time),
        Step = _values.Number(view.Find("step")?.Attribute.ValueView, Dimension.Time) ?? 60,
        Seed = (ulong)Math.Max(0, Whole(view, "seed") ?? 42),
        RandomFailures = ValueReader.Bool(view.Find("random_failures")?.Attribute.ValueView) ?? true,
    };

    /// <summary>
    /// A <c>failures</c> block's effective values (read through the base chain like any unnamed block: a host's
    /// attributes over its hardware's), or null when it is absent or incomplete (no positive mtbf or mttr, a Weibull
    /// without shape, a lognormal without sigma: VDL1044) or out of range (VDL1015).
    /// </summary>
    private FailureSpec? Failures(BlockView block)
    {
        if (block.IsEmpty)
        {
            return null;
        }

        var mtbf = _values.Number(block.Find("mtbf")?.Attribute.ValueView, Dimension.Time);
        var mttr = _values.Number(block.Find("mttr")?.Attribute.ValueView, Dimension.Time);
        var shape = _values.Number(block.Find("shape")?.Attribute.ValueView, Dimension.None);
        var sigma = _values.Number(block.Find("sigma")?.Attribute.ValueView, Dimension.None);
        var repairSigma = _values.Number(block.Find("repair_sigma")?.Attribute.ValueView, Dimension.None);
        var distribution = ValueReader.Word(block.Find("distribution")?.Attribute.ValueView) switch
        {
            "weibull" => FailureDistribution.Weibull,
            "lognormal" => FailureDistribution.Lognormal,
            _ => FailureDistribution.Exponential,
        };
        var repair = ValueReader.Word(block.Find("repair")?.Attribute.ValueView) switch
        {
            "fixed" => RepairDistribution.Fixed,
            "lognormal" => RepairDistribution.Lognormal,
            _ => RepairDistribution.Exponential,
        };
        if (mtbf is not > 0 || mttr is not > 0
            || (distribution == FailureDistribution.Weibull && shape is null)
            || (distribution == FailureDistribution.Lognormal && sigma is null)
            || (repair == RepairDistribution.Lognormal && repairSigma is null))
        {
            return null;
        }

        var spec = new FailureSpec
        {
            Mtbf = Lowering.ModelLowering.ToTicks(mtbf.Value),
            Mttr = Lowering.ModelLowering.ToTicks(mttr.Value),
            Distribution = distribution,
            Shape = shape ?? 1,
            Sigma = sigma ?? 1,
            Repair = repair,
            RepairSigma = repairSigma ?? 1,
        };
        return spec.Problem() is null ? spec : null;
    }

    private long? Whole(BlockView view, string attribute) => Whole(view.Find(attribute)?.Attribute.ValueView);

    private long? Whole(ValueView? value) =>
        _values.Number(value, Dimension.None) is { } n && n == Math.Floor(n) && n >= 0 && n <= long.MaxValue / 2 ? (long)n : null;

    // The attributes of the guest being bound, by GuestAttribute: one array for every guest.
    private readonly (ModelFile File, AttributeSyntax Attribute)?[] _guestAttributes = new (ModelFile, AttributeSyntax)?[GuestAttributes.Names.Length];

    private IReadOnlyList<string> Texts(ValueView? value)
    {
        // A loop, not Select over a lambda: that lambda captured the binder, a closure for every list read.
        if (ValueReader.List(value) is not { ElementCount: > 0 } list)
        {
            return [];
        }

        var texts = new List<string>(list.ElementCount);
        for (var i = 0; i < list.ElementCount; i++)
        {
            if (_values.Text(list.ElementView(i)) is { } text)
            {
                texts.Add(text);
            }
        }

        return texts;
    }

    private static CpuFeatures Features(ValueView? value)
    {
        var features = CpuFeatures.None;
        var list = ValueReader.List(value);
        for (var i = 0; i < (list?.ElementCount ?? 0); i++)
        {
            if (ValueReader.Word(list!.ElementView(i)) is { } word && ModelNames.TryParseCpuFeature(word, out var feature))
            {
                features |= feature;
            }
        }

        return features;
    }

    // The devices last read of each kind, with the view they were read through: the next host that declares none of
    // its own and reads the same bases has the same devices (immutable records), so the list is shared, not remade.
    private readonly Dictionary<string, (BlockView View, IReadOnlyList<DeviceSymbol> Devices)> _lastDevices = new(StringComparer.Ordinal);

    private IReadOnlyList<DeviceSymbol> Devices(BlockView view, string kind)
    {
        if (_lastDevices.TryGetValue(kind, out var last) && view.NamesSameAs(last.View, kind))
        {
            return last.Devices;
        }

        // A loop, not Select over a lambda: that lambda captured the binder and the kind, a closure for every host.
        var named = view.Named(kind);
        var devices = new DeviceSymbol[named.Count];
        for (var i = 0; i < devices.Length; i++)
        {
            var d = named[i];
            devices[i] = new DeviceSymbol(
                kind,
                d.Block.Name!.Value.Text,
                _values.Text(d.Find("driver")?.Attribute.ValueView),
                _values.Number(d.Find("capacity")?.Attribute.ValueView, Dimension.Memory) ?? 0,
                _values.Number(d.Find(kind == "disk" ? "throughput" : "speed")?.Attribute.ValueView, Dimension.Bandwidth) ?? 0,
                d.NameLocation)
            {
                Iops = Math.Max(0, _values.Number(d.Find("iops")?.Attribute.ValueView, Dimension.None) ?? 0),
            };
        }

        _lastDevices[kind] = (view, devices);
        return devices;
    }

    private static double? NonNegative(double? value) => value is { } v ? Math.Max(0, v) : null;

    /// <summary>A per-second rate of a <c>demand</c> block: zero when not written (the checker reports a negative one).</summary>
    private double Rate(BlockView demand, string attribute) =>
        Math.Max(0, _values.Number(demand.Find(attribute)?.Attribute.ValueView, Dimension.None) ?? 0);

    /// <summary>The names of a list-of-references attribute, recorded as references.</summary>
    private IReadOnlyList<string> References(BlockView view, string attribute)
    {
        if (view.Find(attribute) is not var (file, found) || found.ValueView.Node is not ListExpressionSyntax list)
        {
            return [];
        }

        var names = new List<string>(list.ElementCount);
        for (var i = 0; i < list.ElementCount; i++)
        {
            if (list.ElementView(i).Identifier is { IsMissing: false } token)
            {
                Record(file, token, !view.IsOwn(found));
                names.Add(token.Text);
            }
        }

        return names;
    }

    // Collects a `runs` list before it is copied into an array of its size (one list object fewer per guest); a list
    // of one application is one array per application, shared (most guests run one, and many the same).
    private readonly List<ApplicationSymbol> _runs = [];
    // By name, not by reference: a reference-keyed table hashes with RuntimeHelpers.GetHashCode, measured at
    // microseconds per call here. The last one is kept apart: a host's guests mostly run the same application.
    private readonly Dictionary<string, ApplicationSymbol[]> _runsOfOne = new(StringComparer.Ordinal);
    private ApplicationSymbol[]? _lastRunsOfOne;

    /// <summary>The applications a `runs` names, recorded as references; unknown names are skipped (reported by the schema rules).</summary>
    private ApplicationSymbol[] Applications(BlockView view) => Applications(view, view.Find("runs"));

    /// <summary>As <see cref="Applications(BlockView)"/>, with the view's `runs` already found.</summary>
    private ApplicationSymbol[] Applications(BlockView view, (ModelFile File, AttributeSyntax Attribute)? runs)
    {
        if (runs is not var (file, found) || found.ValueView.Node is not ListExpressionSyntax list)
        {
            return [];
        }

        // Looked up by the text itself: a model names its applications a hundred thousand times.
        var inherited = !view.IsOwn(found);
        _runs.Clear();
        for (var i = 0; i < list.ElementCount; i++)
        {
            if (list.ElementView(i).Identifier is { IsMissing: false } token)
            {
                Record(file, token, inherited);
                if (Bound(token.TextAsSpan) is ApplicationSymbol app)
                {
                    _runs.Add(app);
                }
            }
        }

        if (_runs.Count == 1)
        {
            if (_lastRunsOfOne is { } last && ReferenceEquals(last[0], _runs[0]))
            {
                return last;
            }

            if (!_runsOfOne.TryGetValue(_runs[0].Name, out var one))
            {
                _runsOfOne[_runs[0].Name] = one = [_runs[0]];
            }

            return _lastRunsOfOne = one;
        }

        return [.. _runs];
    }

    private T? Reference<T>(BlockView view, string attribute)
        where T : ModelSymbol => Reference<T>(view, view.Find(attribute));

    /// <summary>As <see cref="Reference{T}(BlockView, string)"/>, with the view's attribute already found.</summary>
    private T? Reference<T>(BlockView view, (ModelFile File, AttributeSyntax Attribute)? attribute)
        where T : ModelSymbol
    {
        if (attribute is not var (file, found) || found.ValueView.Identifier is not { IsMissing: false } identifier)
        {
            return null;
        }

        Record(file, identifier, !view.IsOwn(found));
        return Bound(identifier.TextAsSpan) as T;
    }

    // Whether a reference was read from a base's block: that block is read through every view that inherits it, so
    // the same place may have been recorded more than once, and the list is made unique at the end of binding.
    private bool _readFromBase;

    /// <summary>
    /// Records a reference. A block's own attributes are read once, when its declaration is bound; only what
    /// <paramref name="inherited"/> from a base can repeat (a set of every place recorded was a tenth of binding).
    /// </summary>
    private void Record(ModelFile file, SyntaxToken token, bool inherited = false)
    {
        _readFromBase |= inherited;
        _references.Add((file, token));
    }

    /// <summary>The references once per place, each where it was first recorded (as the editor and VDL5004 count them).</summary>
    private void RemoveRepeatedReferences()
    {
        if (!_readFromBase)
        {
            return;
        }

        var fileNumbers = new Dictionary<ModelFile, int>(ReferenceEqualityComparer.Instance);
        var recorded = new HashSet<long>();
        var kept = 0;
        (ModelFile? File, int Number) last = (null, 0); // references come file by file: hash each file once per run
        for (var i = 0; i < _references.Count; i++)
        {
            var (file, token) = _references[i];
            if (!ReferenceEquals(file, last.File))
            {
                if (!fileNumbers.TryGetValue(file, out var found))
                {
                    fileNumbers[file] = found = fileNumbers.Count;
                }

                last = (file, found);
            }

            var number = last.Number;

            if (recorded.Add(((long)number << 32) | (uint)token.Span.Start))
            {
                _references[kept++] = _references[i];
            }
        }

        _references.Truncate(kept);
    }

    private void RecordBase(ModelFile file, BlockSyntax block)
    {
        if (block.BaseClause is { BaseName: { IsMissing: false } baseName })
        {
            Record(file, baseName);
        }
    }

    private void RecordStatement(ModelFile file, ScenarioStatementSyntax statement)
    {
        switch (statement.Action)
        {
            case ScaleActionSyntax scale: Record(file, scale.Target); break;
            case FailActionSyntax fail: Record(file, fail.Target); break;
            case CrashActionSyntax crash: Record(file, crash.Target); break;
            case MigrateActionSyntax migrate: Record(file, migrate.Target); Record(file, migrate.Destination); break;
            case PatchActionSyntax patch: Record(file, patch.Target); break;
        }
    }

    /// <summary><c>count = N</c> makes NAME-1 .. NAME-N; one of those declared elsewhere is a collision.</summary>
    private void CheckCopyNames()
    {
        foreach (var declaration in _table.All)
        {
            var (name, file, block) = (declaration.Name, declaration.File, declaration.Block);
            var dash = name.LastIndexOf('-');
            if (dash <= 0 || name.Length - dash < 2 || name[dash + 1] == '0'
                || !long.TryParse(name.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k < 1)
            {
                continue; // not NAME-k with k written as count writes it (no leading zeros: `web-01` is nobody's copy)
            }

            if (Bound(name.AsSpan(0, dash)) is { } template
                && template is not PoolSymbol && template.View.SetsOwn("count") && template.Copies >= k)
            {
                var count = template.View.Find("count");
                var at = count is var (countFile, countAttribute) ? new Location(countFile.Tree.Text, countAttribute.ValueView.Span) : template.Declaration;
                var declaredAt = new Location(file.Tree.Text, block.Name!.Value.Span);
                _diagnostics.Add(new Diagnostic(CompilerDiagnostics.CopyNameTaken, at,
                    [template.Copies, template.Display, name],
                    [new RelatedLocation(declaredAt, $"`{name}` is declared here")]));
            }
        }
    }
}
