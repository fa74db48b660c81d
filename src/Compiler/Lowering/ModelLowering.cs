using System.Globalization;
using VirtLang.Compiler.Binding;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Lowering;

/// <summary>
/// Turns a checked model into the runtime's objects: hosts and guests with their effective values, copies made by
/// <c>count</c> expanded to <c>NAME-1</c> .. <c>NAME-N</c>, profiles, certified ranges, overrides, and each scenario's
/// statements as events. The code generator will emit the same construction as C#; <c>vdl run</c> uses this directly.
/// Call it only on a model without errors: what the checker rejected is skipped here, not reported again.
/// </summary>
public static class ModelLowering
{
    /// <exception cref="TraceFormatException">A trace profile's file cannot be read or is malformed.</exception>
    public static LoweredModel Lower(SemanticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var oses = model.OperatingSystems.ToDictionary(o => o, o => new OperatingSystemSpec(o.Name, o.Family ?? "linux", o.Version ?? string.Empty, o.Paravirt) { Failures = o.Failures });
        var apps = new Dictionary<ApplicationSymbol, ApplicationSpec>(ReferenceEqualityComparer.Instance);
        ApplicationSpec App(ApplicationSymbol app)
        {
            if (!apps.TryGetValue(app, out var spec))
            {
                apps[app] = spec = new ApplicationSpec
                {
                    Name = app.Name,
                    Cpu = app.Cpu,
                    MemoryBytes = (long)app.MemoryBytes,
                    Io = app.Io,
                    Iops = app.Iops,
                    DiskBytesPerSecond = app.DiskBytesPerSecond,
                    NetworkBitsPerSecond = app.NetworkBitsPerSecond,
                    DirtyBitsPerSecond = app.DirtyBitsPerSecond,
                    KernelEntries = app.KernelEntries,
                    Profile = app.RuntimeProfile ?? (app.TraceFile is { } trace ? TraceProfile.Load(trace) : ConstantProfile.Full),
                    Replicas = (int)Math.Min(int.MaxValue, app.Replicas),
                    RecoveryTimeObjective = ToTicks(app.RecoveryTimeSeconds),
                    CertifiedOs = app.CertifiedOs,
                    CertifiedPatch = app.CertifiedPatch is { } constraint
                        ? new PatchRequirement([.. constraint.Clauses.Select(c => (Comparison(c.Op), c.Version.Text))], constraint.Text)
                        : null,
                    Failures = app.Failures,
                };
            }

            return spec;
        }

        OperatingSystemSpec? Os(OsSymbol? os) => os is null ? null : oses[os];

        var hosts = new List<HostSpec>();
        foreach (var host in model.Hosts)
        {
            var guests = new List<GuestSpec>();
            foreach (var guest in host.Guests)
            {
                foreach (var name in Names(guest.Name, guest.Copies))
                {
                    var runs = guest.Runs.Select(App).ToList();
                    guests.Add(guest.IsVm
                        ? new VirtualMachineSpec
                        {
                            Name = name,
                            Vcpus = (int)Math.Clamp(guest.Vcpus, 1, int.MaxValue),
                            MemoryBytes = (long)guest.MemoryBytes,
                            DiskBytes = (long)guest.DiskBytes,
                            Os = Os(guest.Os),
                            Patch = guest.Patch,
                            Privileged = guest.Privileged,
                            RestartPriority = guest.RestartPriority,
                            Runs = runs,
                        }
                        : new ContainerSpec
                        {
                            Name = name,
                            CpuShares = guest.CpuShares > 0 ? guest.CpuShares : 1,
                            MemoryLimitBytes = guest.MemoryLimitBytes is { } limit ? (long)limit : null,
                            Burst = guest.Burst,
                            RestartPriority = guest.RestartPriority,
                            Runs = runs,
                        });
                }
            }

            var hypervisor = new HypervisorSpec(host.HypervisorKind, host.Acceleration)
            {
                Drivers = host.HypervisorDrivers,
                Overrides = host.Overrides,
                PageSharing = host.PageSharing,
                Ballooning = host.Ballooning,
                Failures = host.HypervisorFailures,
            };
            foreach (var name in Names(host.Name, host.Copies))
            {
                hosts.Add(new HostSpec
                {
                    Name = name,
                    Cpu = host.HasCpu ? host.Cpu : new CpuSpec(1, 1, 1, 0, CpuFeatures.None),
                    MemoryBytes = (long)host.MemoryBytes,
                    Disks = [.. host.Disks.Select(d => new DiskSpec(d.Name, (long)d.CapacityBytes, d.Iops, d.BitsPerSecond / 8, d.Driver))],
                    Nics = [.. host.Nics.Select(n => new NicSpec(n.Name, n.BitsPerSecond, n.Driver))],
                    Power = new PowerSpec(host.IdleWatts, host.MaxWatts),
                    Os = Os(host.Os),
                    Patch = host.Patch,
                    Hypervisor = hypervisor,
                    Guests = guests,
                    Runs = [.. host.Runs.Select(App)],
                    Failures = host.Failures,
                    Site = host.Site?.Name,
                });
            }
        }

        var byName = hosts.ToDictionary(h => h.Name, StringComparer.Ordinal);
        var clusters = model.Clusters.Select(c => new ClusterSpec
        {
            Name = c.Name,
            Hosts = [.. c.Hosts.SelectMany(h => Names(h.Name, h.Copies)).Select(n => byName[n])],
            CpuOvercommit = c.CpuOvercommit,
            MemoryOvercommit = c.MemoryOvercommit,
            Ha = c.Ha,
            RestartDelay = ToTicks(c.RestartDelaySeconds),
            AdmissionReserve = c.AdmissionReserve,
        }).ToList();

        var values = new ValueReader();
        var scenarios = model.Scenarios.Select(s => Scenario(s, values)).ToList();
        var sites = model.Sites.Select(s => new SiteSpec(s.Name, s.Location)).ToList();
        return new LoweredModel(new Topology { Hosts = hosts, Clusters = clusters, Sites = sites }, scenarios);
    }

    /// <summary>The language's version comparison as the runtime's patch comparison (the generated code's too).</summary>
    public static PatchComparison Comparison(VersionComparison op) => op switch
    {
        VersionComparison.Equal => PatchComparison.Equal,
        VersionComparison.NotEqual => PatchComparison.NotEqual,
        VersionComparison.Less => PatchComparison.Less,
        VersionComparison.LessOrEqual => PatchComparison.LessOrEqual,
        VersionComparison.Greater => PatchComparison.Greater,
        _ => PatchComparison.GreaterOrEqual,
    };

    internal static IEnumerable<string> Names(string name, long copies)
    {
        if (copies <= 1)
        {
            yield return name;
            yield break;
        }

        for (var k = 1L; k <= copies; k++)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{name}-{k}");
        }
    }

    /// <summary>
    /// Seconds as the simulator's microsecond ticks, rounded: the one conversion of scenario times, which the checker
    /// uses too (a time that rounds to 0 ticks is zero for both). Beyond the 64-bit range it saturates; the checker
    /// has refused such times (VDL1033) before anything is lowered.
    /// </summary>
    public static long ToTicks(double seconds) => (long)Math.Round(seconds * SimTime.TicksPerSecond);

    /// <summary>The scenario's duration in ticks (a day when it has none: the checker reports the missing attribute).</summary>
    internal static long DurationTicks(ScenarioSymbol scenario) => ToTicks(scenario.Duration ?? SimTime.ToSeconds(SimTime.TicksPerDay));

    /// <summary>A scenario's timing and its statements as events, each with its origin: what both the lowering and the generated code use.</summary>
    public static ScenarioSpec Scenario(ScenarioSymbol scenario) => Scenario(scenario, new ValueReader());

    internal static ScenarioSpec Scenario(ScenarioSymbol scenario, ValueReader values)
    {
        // A time, or the plain number 0 (the start), which reads as no time at all.
        long Ticks(ExpressionSyntax? expression) =>
            values.Number(expression, Dimension.Time) is { } seconds ? ToTicks(seconds) : 0;

        var events = new List<ScenarioEvent>();
        foreach (var statement in scenario.Syntax.Members.OfType<ScenarioStatementSyntax>())
        {
            var at = Ticks(statement.When.From);
            long? until = statement.When.To is { } to ? Ticks(to) : null;
            var line = statement.AtKeyword.Source.GetLinePosition(statement.AtKeyword.Span.Start);
            var origin = string.Create(CultureInfo.InvariantCulture, $"{scenario.File.Path}({line.Line},{line.Column})");
            ScenarioEvent? e = statement.Action switch
            {
                // `for D` and an end time say the same thing two ways (the parser refuses both at once, VDL0022).
                ScaleActionSyntax scale when values.Number(scale.Amount, Dimension.Ratio) is { } factor =>
                    new ScaleEvent(at, scale.Target.Text, factor, scale.ForClause is { } lasts ? at + Ticks(lasts.Duration) : until),
                FailActionSyntax { IsSiteFailure: true } fail => new FailSiteEvent(at, fail.Target.Text, fail.ForClause is { } f ? Ticks(f.Duration) : until - at),
                FailActionSyntax fail => new FailEvent(at, fail.Target.Text, fail.ForClause is { } f ? Ticks(f.Duration) : until - at),
                CrashActionSyntax crash => new CrashEvent(at, crash.Target.Text),
                MigrateActionSyntax migrate => new MigrateEvent(at, migrate.Target.Text, migrate.Destination.Text),
                PatchActionSyntax patch => new PatchEvent(at, patch.Target.Text, patch.Level.ValueText),
                _ => null,
            };
            if (e is not null)
            {
                events.Add(e with { Origin = origin });
            }
        }

        var expectations = new List<Expectation>();
        foreach (var statement in scenario.Syntax.Members.OfType<ExpectStatementSyntax>())
        {
            if (ExpectationReader.Read(statement, values) is { } expectation)
            {
                expectations.Add(expectation with { Origin = ExpectationReader.Origin(scenario.File.Path, statement) });
            }
        }

        return new ScenarioSpec
        {
            Name = scenario.Name,
            Duration = DurationTicks(scenario),
            Step = Math.Max(1, ToTicks(scenario.Step)),
            Seed = scenario.Seed,
            Events = events,
            Expectations = expectations,
            RandomFailures = scenario.RandomFailures,
        };
    }
}
