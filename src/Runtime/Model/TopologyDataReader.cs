using VirtLang.Runtime.Profiles;

namespace VirtLang.Runtime.Model;

/// <summary>
/// Builds a <see cref="Topology"/> from the <see cref="TopologyDataFormat"/> data a generated model carries: the same
/// objects the per-host generated C# built before (one <see cref="ApplicationSpec"/> and <see cref="OperatingSystemSpec"/>
/// per declaration, one guest list shared by the copies of a host, copies named <c>NAME-1</c> .. <c>NAME-N</c>). The
/// data is untrusted (it may come from a cached assembly): a malformed record, or a value the runtime refuses, is a
/// <see cref="TopologyDataException"/> at the record's <c>.vdl</c> place. A trace file that cannot be read is the
/// <see cref="TraceFormatException"/> of <see cref="TraceProfile.Load"/>, as the checker reports it.
/// </summary>
public static class TopologyDataReader
{
    /// <exception cref="TopologyDataException">The data is malformed, or holds a value the runtime refuses.</exception>
    /// <exception cref="TraceFormatException">A trace file the model reads cannot be read.</exception>
    public static Topology Read(ReadOnlySpan<byte> data)
    {
        var tokens = new TopologyDataTokens(data.ToArray());
        try
        {
            return Read(tokens);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException)
        {
            throw tokens.Refused(e);
        }
    }

    private static Topology Read(TopologyDataTokens tokens)
    {
        tokens.Expect(TopologyDataFormat.Header);
        if (tokens.Int(0, int.MaxValue) != TopologyDataFormat.Version)
        {
            throw tokens.Error($"not version {TopologyDataFormat.Version} of the format");
        }

        tokens.Expect("files");
        for (int i = 0, n = tokens.Count(); i < n; i++)
        {
            tokens.AddFile(tokens.String());
        }

        tokens.Expect("oses");
        var oses = new OperatingSystemSpec[tokens.Count()];
        for (var i = 0; i < oses.Length; i++)
        {
            tokens.Expect("os");
            tokens.Location();
            oses[i] = new OperatingSystemSpec(tokens.String(), tokens.String(), tokens.String(), tokens.Bool()) { Failures = Failures(tokens) };
        }

        tokens.Expect("appshapes");
        var appShapes = new AppShape[tokens.Count()];
        for (var i = 0; i < appShapes.Length; i++)
        {
            appShapes[i] = AppShapeOf(tokens);
        }

        tokens.Expect("apps");
        var apps = new ApplicationSpec[tokens.Count()];
        for (var i = 0; i < apps.Length; i++)
        {
            tokens.Expect("app");
            tokens.Location();
            var shape = appShapes[Index(tokens, appShapes.Length)];
            apps[i] = shape.Make(tokens.String());
        }

        tokens.Expect("hostshapes");
        var hostShapes = new HostShape[tokens.Count()];
        for (var i = 0; i < hostShapes.Length; i++)
        {
            hostShapes[i] = HostShapeOf(tokens, oses, apps);
        }

        tokens.Expect("guestshapes");
        var guestShapes = new GuestShape[tokens.Count()];
        for (var i = 0; i < guestShapes.Length; i++)
        {
            guestShapes[i] = GuestShapeOf(tokens, oses, apps);
        }

        tokens.Expect("hosts");
        var records = new List<HostSpec>[tokens.Count()];
        var hosts = new List<HostSpec>();
        var instances = 0;
        void Count(int copies)
        {
            instances += copies;
            if (instances > TopologyDataFormat.MaxInstances)
            {
                throw tokens.Error($"more than {TopologyDataFormat.MaxInstances:N0} hosts and guests");
            }
        }

        for (var i = 0; i < records.Length; i++)
        {
            tokens.Expect("host");
            tokens.Location();
            var shape = hostShapes[Index(tokens, hostShapes.Length)];
            var copies = tokens.Int(1, TopologyDataFormat.MaxCopies);
            var name = tokens.String();
            var guests = new List<GuestSpec>();
            for (int g = 0, n = tokens.Count(); g < n; g++)
            {
                // A host's guests follow it, as many as it says: a guest's line has no keyword (most of a large model's data).
                tokens.Location();
                var guest = guestShapes[Index(tokens, guestShapes.Length)];
                var guestName = tokens.String();
                Count(guest.Copies);
                foreach (var copy in Names(guestName, guest.Copies))
                {
                    guests.Add(guest.Make(copy));
                }
            }

            // The copies of a host share one list of guests, as the generated code always built them.
            Count(copies);
            records[i] = [.. Names(name, copies).Select(n => shape.Make(n, guests))];
            hosts.AddRange(records[i]);
        }

        tokens.Expect("clusters");
        var clusters = new ClusterSpec[tokens.Count()];
        for (var i = 0; i < clusters.Length; i++)
        {
            tokens.Expect("cluster");
            var clusterName = tokens.String();
            var cpu = tokens.Double();
            var memory = tokens.Double();
            var ha = tokens.Bool();
            var delay = tokens.Long();
            var reserve = tokens.NullableDouble();
            var members = new List<HostSpec>();
            for (int h = 0, n = tokens.Count(); h < n; h++)
            {
                members.AddRange(records[Index(tokens, records.Length)]);
            }

            clusters[i] = new ClusterSpec { Name = clusterName, Hosts = members, CpuOvercommit = cpu, MemoryOvercommit = memory, Ha = ha, RestartDelay = delay, AdmissionReserve = reserve };
        }

        tokens.Expect("sites");
        var sites = new SiteSpec[tokens.Count()];
        for (var i = 0; i < sites.Length; i++)
        {
            tokens.Expect("site");
            sites[i] = new SiteSpec(tokens.String(), tokens.NullableString());
        }

        tokens.Expect("end");
        if (!tokens.AtEnd)
        {
            throw tokens.Error("data after the end");
        }

        return new Topology { Hosts = hosts, Clusters = clusters, Sites = sites };
    }

    private static int Index(TopologyDataTokens tokens, int count) =>
        count > 0 ? tokens.Int(0, count - 1) : throw tokens.Error("an index into an empty table");

    private static IEnumerable<string> Names(string name, int copies) =>
        copies == 1 ? [name] : Enumerable.Range(1, copies).Select(k => name + "-" + k.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static List<ApplicationSpec> Runs(TopologyDataTokens tokens, ApplicationSpec[] apps)
    {
        var runs = new List<ApplicationSpec>();
        for (int i = 0, n = tokens.Count(); i < n; i++)
        {
            runs.Add(apps[Index(tokens, apps.Length)]);
        }

        return runs;
    }

    private static OperatingSystemSpec? Os(TopologyDataTokens tokens, OperatingSystemSpec[] oses) =>
        tokens.TakeNull() ? null : oses[Index(tokens, oses.Length)];

    private static FailureSpec? Failures(TopologyDataTokens tokens)
    {
        if (tokens.TakeNull())
        {
            return null;
        }

        tokens.Expect("failures");
        return new FailureSpec
        {
            Mtbf = tokens.Long(),
            Mttr = tokens.Long(),
            Distribution = tokens.Enum<FailureDistribution>(),
            Shape = tokens.Double(),
            Sigma = tokens.Double(),
            Repair = tokens.Enum<RepairDistribution>(),
            RepairSigma = tokens.Double(),
        };
    }

    private static AppShape AppShapeOf(TopologyDataTokens tokens)
    {
        tokens.Expect("appshape");
        var cpu = tokens.Double();
        var memory = tokens.Long();
        var io = tokens.Enum<IoClass>();
        var iops = tokens.NullableDouble();
        var disk = tokens.NullableDouble();
        var network = tokens.NullableDouble();
        var dirty = tokens.NullableDouble();
        var kernel = new KernelEntryRates(tokens.Double(), tokens.Double(), tokens.Double());
        var profile = Profile(tokens);
        var replicas = tokens.Int(0, int.MaxValue);
        var rto = tokens.Long();
        var certifiedOs = new List<string>();
        for (int i = 0, n = tokens.Count(); i < n; i++)
        {
            certifiedOs.Add(tokens.String());
        }

        PatchRequirement? patch = null;
        if (!tokens.TakeNull())
        {
            var clauses = new List<(PatchComparison, string)>();
            for (int i = 0, n = tokens.Count(); i < n; i++)
            {
                clauses.Add((tokens.Enum<PatchComparison>(), tokens.String()));
            }

            patch = new PatchRequirement(clauses, tokens.String());
        }

        var failures = Failures(tokens);
        return new AppShape(name => new ApplicationSpec
        {
            Name = name,
            Cpu = cpu,
            MemoryBytes = memory,
            Io = io,
            Iops = iops,
            DiskBytesPerSecond = disk,
            NetworkBitsPerSecond = network,
            DirtyBitsPerSecond = dirty,
            KernelEntries = kernel,
            Profile = profile(),
            Replicas = replicas,
            RecoveryTimeObjective = rto,
            CertifiedOs = certifiedOs,
            CertifiedPatch = patch,
            Failures = failures,
        });
    }

    /// <summary>A maker of the profile: each application has its own, as each had its own field before.</summary>
    private static Func<WorkloadProfile> Profile(TopologyDataTokens tokens)
    {
        switch (tokens.Word("full", "constant", "diurnal", "weekly", "spiky", "trace"))
        {
            case "full":
                return () => ConstantProfile.Full;
            case "constant":
                var level = tokens.Double();
                return () => new ConstantProfile(level);
            case "diurnal":
                var (peak, low, peakAt) = (tokens.Double(), tokens.Double(), tokens.Long());
                return () => new DiurnalProfile(peak, low, peakAt);
            case "weekly":
                var (weekday, weekend, weeklyBase, weeklyPeakAt) = (tokens.Double(), tokens.Double(), tokens.Double(), tokens.Long());
                return () => new WeeklyProfile(weekday, weekend, weeklyBase, weeklyPeakAt);
            case "spiky":
                var (spikyBase, spikyPeak, every, length) = (tokens.Double(), tokens.Double(), tokens.Long(), tokens.Long());
                return () => new SpikyProfile(spikyBase, spikyPeak, every, length);
            default:
                var file = tokens.String();
                return () => TraceProfile.Load(file);
        }
    }

    private static HostShape HostShapeOf(TopologyDataTokens tokens, OperatingSystemSpec[] oses, ApplicationSpec[] apps)
    {
        tokens.Expect("hostshape");
        Func<CpuSpec> cpu;
        if (tokens.TakeNull())
        {
            cpu = () => new CpuSpec(1, 1, 1, 0, CpuFeatures.None);
        }
        else
        {
            tokens.Expect("cpu");
            var (sockets, cores, threads, clock) = (tokens.Int(0, int.MaxValue), tokens.Int(0, int.MaxValue), tokens.Int(0, int.MaxValue), tokens.Double());
            var features = (CpuFeatures)tokens.Int(0, (int)(CpuFeatures.Vtx | CpuFeatures.AmdV | CpuFeatures.Ept | CpuFeatures.Npt));
            var smt = tokens.NullableDouble();
            cpu = () => new CpuSpec(sockets, cores, threads, clock, features) { SmtYield = smt };
        }

        var memory = tokens.Long();
        var disks = new List<(string, long, double, double, string?)>();
        for (int i = 0, n = tokens.Count(); i < n; i++)
        {
            tokens.Expect("disk");
            disks.Add((tokens.String(), tokens.Long(), tokens.Double(), tokens.Double(), tokens.NullableString()));
        }

        var nics = new List<(string, double, string?)>();
        for (int i = 0, n = tokens.Count(); i < n; i++)
        {
            tokens.Expect("nic");
            nics.Add((tokens.String(), tokens.Double(), tokens.NullableString()));
        }

        var (idle, max) = (tokens.Double(), tokens.Double());
        var os = Os(tokens, oses);
        var patch = tokens.NullableString();
        var (kind, acceleration) = (tokens.Enum<HypervisorKind>(), tokens.Enum<Acceleration>());
        var drivers = new List<string>();
        for (int i = 0, n = tokens.Count(); i < n; i++)
        {
            drivers.Add(tokens.String());
        }

        CostOverrides? overrides = null;
        if (!tokens.TakeNull())
        {
            tokens.Expect("overhead");
            overrides = new CostOverrides { Cpu = tokens.NullableDouble(), Io = tokens.NullableDouble(), MemoryPerGuestBytes = tokens.NullableLong() };
        }

        var pageSharing = tokens.Bool();
        var ballooning = tokens.NullableBool();
        var hypervisorFailures = Failures(tokens);
        var runs = Runs(tokens, apps);
        var failures = Failures(tokens);
        var site = tokens.NullableString();
        return new HostShape((name, guests) => new HostSpec
        {
            Name = name,
            Cpu = cpu(),
            MemoryBytes = memory,
            Disks = [.. disks.Select(d => new DiskSpec(d.Item1, d.Item2, d.Item3, d.Item4, d.Item5))],
            Nics = [.. nics.Select(n => new NicSpec(n.Item1, n.Item2, n.Item3))],
            Power = new PowerSpec(idle, max),
            Os = os,
            Patch = patch,
            Hypervisor = new HypervisorSpec(kind, acceleration) { Drivers = [.. drivers], Overrides = overrides, PageSharing = pageSharing, Ballooning = ballooning, Failures = hypervisorFailures },
            Guests = guests,
            Runs = [.. runs],
            Failures = failures,
            Site = site,
        });
    }

    private static GuestShape GuestShapeOf(TopologyDataTokens tokens, OperatingSystemSpec[] oses, ApplicationSpec[] apps)
    {
        if (tokens.Word("vm", "container") == "vm")
        {
            var copies = tokens.Int(1, TopologyDataFormat.MaxCopies);
            var (vcpus, memory, disk) = (tokens.Int(1, int.MaxValue), tokens.Long(), tokens.Long());
            var os = Os(tokens, oses);
            var patch = tokens.NullableString();
            var privileged = tokens.Bool();
            var priority = tokens.Enum<RestartPriority>();
            var runs = Runs(tokens, apps);
            return new GuestShape(copies, name => new VirtualMachineSpec
            {
                Name = name,
                Vcpus = vcpus,
                MemoryBytes = memory,
                DiskBytes = disk,
                Os = os,
                Patch = patch,
                Privileged = privileged,
                RestartPriority = priority,
                Runs = [.. runs],
            });
        }
        else
        {
            var copies = tokens.Int(1, TopologyDataFormat.MaxCopies);
            var shares = tokens.Double();
            var limit = tokens.NullableLong();
            var burst = tokens.Bool();
            var priority = tokens.Enum<RestartPriority>();
            var runs = Runs(tokens, apps);
            return new GuestShape(copies, name => new ContainerSpec
            {
                Name = name,
                CpuShares = shares,
                MemoryLimitBytes = limit,
                Burst = burst,
                RestartPriority = priority,
                Runs = [.. runs],
            });
        }
    }

    private sealed record AppShape(Func<string, ApplicationSpec> Make);

    private sealed record HostShape(Func<string, List<GuestSpec>, HostSpec> Make);

    private sealed record GuestShape(int Copies, Func<string, GuestSpec> Make);
}
