using System.Globalization;
using System.Text;
using VirtLang.Compiler.Symbols;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Profiles;

namespace VirtLang.Compiler.Emit;

/// <summary>
/// Writes a checked model's topology in <see cref="TopologyDataFormat"/> (docs/architecture.md, "Generated code: data
/// and code"), the data <see cref="TopologyDataReader"/> turns back into the objects the per-host C# used to build: the
/// same values, converted as that C# converted them (whole numbers truncated, a non-finite number as 0). Applications,
/// hosts and guests that differ only in name share a shape line, so the data grows with the model's variety; each
/// instance keeps its <c>.vdl</c> file and line. Every string goes through <see cref="Str"/>: only plain characters
/// stay as they are, so the text can stand in a raw string literal and no user text becomes code.
/// </summary>
internal sealed class TopologyDataWriter
{
    private readonly StringBuilder _text = new();
    private readonly Dictionary<string, int> _files = new(StringComparer.Ordinal);
    private int _file = -1;
    private int _line;

    public static string Write(SemanticModel model) => new TopologyDataWriter().WriteModel(model);

    private string WriteModel(SemanticModel model)
    {
        _text.Append(CultureInfo.InvariantCulture, $"{TopologyDataFormat.Header} {TopologyDataFormat.Version}\n");
        var files = model.OperatingSystems.Select(o => o.File.Path)
            .Concat(model.Applications.Select(a => a.File.Path))
            .Concat(model.Hosts.SelectMany(h => h.Guests.Select(g => g.File.Path).Prepend(h.File.Path)))
            .Distinct(StringComparer.Ordinal).ToList();
        _text.Append(CultureInfo.InvariantCulture, $"files {files.Count}\n");
        foreach (var file in files)
        {
            _files.Add(file, _files.Count);
            _text.Append(Str(file)).Append('\n');
        }

        var osIndex = model.OperatingSystems.Select((o, i) => (o, i)).ToDictionary(p => p.o, p => p.i);
        var appIndex = model.Applications.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i);
        _text.Append(CultureInfo.InvariantCulture, $"oses {model.OperatingSystems.Count}\n");
        foreach (var os in model.OperatingSystems)
        {
            _text.Append("os ").Append(Location(os)).Append(' ')
                .AppendJoin(' ', Str(os.Name), Str(os.Family ?? "linux"), Str(os.Version ?? string.Empty), Bool(os.Paravirt), Failures(os.Failures)).Append('\n');
        }

        var (appShapes, appShape) = Shapes(model.Applications, AppShape);
        var (hostShapes, hostShape) = Shapes(model.Hosts, h => HostShape(h, osIndex, appIndex));
        var (guestShapes, guestShape) = Shapes(model.Hosts.SelectMany(h => h.Guests), g => GuestShape(g, osIndex, appIndex));
        Table("appshapes", appShapes);
        _text.Append(CultureInfo.InvariantCulture, $"apps {model.Applications.Count}\n");
        foreach (var app in model.Applications)
        {
            _text.Append("app ").Append(Location(app)).Append(' ').Append(Int(appShape[app])).Append(' ').Append(Str(app.Name)).Append('\n');
        }

        Table("hostshapes", hostShapes);
        Table("guestshapes", guestShapes);
        _text.Append(CultureInfo.InvariantCulture, $"hosts {model.Hosts.Count}\n");
        foreach (var host in model.Hosts)
        {
            _text.Append("host ").Append(Location(host)).Append(' ')
                .AppendJoin(' ', Int(hostShape[host]), Int(Math.Max(1, host.Copies)), Str(host.Name), Int(host.Guests.Count)).Append('\n');
            foreach (var guest in host.Guests)
            {
                _text.Append(Location(guest)).Append(' ')
                    .AppendJoin(' ', Int(guestShape[guest]), Str(guest.Name)).Append('\n');
            }
        }

        // Clusters only when one has HA (the only thing the simulator reads from a cluster), as the C# always did.
        var clusters = model.Clusters.Any(c => c.Ha) ? model.Clusters : [];
        var hostIndex = model.Hosts.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
        _text.Append(CultureInfo.InvariantCulture, $"clusters {clusters.Count}\n");
        foreach (var cluster in clusters)
        {
            _text.Append("cluster ").AppendJoin(' ', Str(cluster.Name), Num(cluster.CpuOvercommit), Num(cluster.MemoryOvercommit), Bool(cluster.Ha),
                Long(Lowering.ModelLowering.ToTicks(cluster.RestartDelaySeconds)), NullableNum(cluster.AdmissionReserve), List(cluster.Hosts, h => Int(hostIndex[h]))).Append('\n');
        }

        _text.Append(CultureInfo.InvariantCulture, $"sites {model.Sites.Count}\n");
        foreach (var site in model.Sites)
        {
            _text.Append("site ").Append(Str(site.Name)).Append(' ').Append(NullableStr(site.Location)).Append('\n');
        }

        _text.Append("end\n");
        return _text.ToString();
    }

    /// <summary>Each distinct shape line, numbered in the order first met, and the number of each item's.</summary>
    private static (Dictionary<string, int> Table, Dictionary<T, int> Of) Shapes<T>(IEnumerable<T> items, Func<T, string> shape)
        where T : class
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var of = new Dictionary<T, int>(ReferenceEqualityComparer.Instance);
        foreach (var item in items)
        {
            var text = shape(item);
            if (!table.TryGetValue(text, out var index))
            {
                table.Add(text, index = table.Count);
            }

            of[item] = index;
        }

        return (table, of);
    }

    private void Table(string name, Dictionary<string, int> shapes)
    {
        _text.Append(CultureInfo.InvariantCulture, $"{name} {shapes.Count}\n");
        foreach (var (shape, _) in shapes.OrderBy(p => p.Value))
        {
            _text.Append(shape).Append('\n');
        }
    }

    /// <summary>The place of a symbol: <c>F:L</c> when its file differs from the last one written, else the lines from the last (<c>-D</c> before it).</summary>
    private string Location(ModelSymbol symbol)
    {
        var file = _files[symbol.File.Path];
        var line = symbol.Declaration.Start.Line;
        var text = file != _file
            ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line}")
            : string.Create(CultureInfo.InvariantCulture, $"{(line >= _line ? string.Empty : "-")}{Math.Abs((long)line - _line)}");
        (_file, _line) = (file, line);
        return text;
    }

    private static string AppShape(ApplicationSymbol app)
    {
        var kernel = app.KernelEntries.IsZero ? "0 0 0" : string.Join(' ', Num(app.KernelEntries.Syscalls), Num(app.KernelEntries.PageFaults), Num(app.KernelEntries.Forks));
        var patch = app.CertifiedPatch is not { } constraint
            ? "~"
            : $"{List(constraint.Clauses, c => $"{Lowering.ModelLowering.Comparison(c.Op)} {Str(c.Version.Text)}")} {Str(constraint.Text)}";
        return string.Join(' ', "appshape", Num(app.Cpu), Long(app.MemoryBytes), app.Io.ToString(), NullableNum(app.Iops), NullableNum(app.DiskBytesPerSecond),
            NullableNum(app.NetworkBitsPerSecond), NullableNum(app.DirtyBitsPerSecond), kernel, Profile(app), Int(Math.Min(int.MaxValue, app.Replicas)),
            app.RecoveryTimeSeconds > 0 ? Long(Lowering.ModelLowering.ToTicks(app.RecoveryTimeSeconds)) : "0", List(app.CertifiedOs, Str), patch, Failures(app.Failures));
    }

    private static string Profile(ApplicationSymbol app) => app.RuntimeProfile switch
    {
        ConstantProfile c => $"constant {Num(c.Value)}",
        DiurnalProfile d => $"diurnal {Num(d.PeakLevel)} {Num(d.BaseLevel)} {Long(d.PeakAt)}",
        WeeklyProfile w => $"weekly {Num(w.Weekday)} {Num(w.Weekend)} {Num(w.BaseLevel)} {Long(w.PeakAt)}",
        SpikyProfile s => $"spiky {Num(s.BaseLevel)} {Num(s.PeakLevel)} {Long(s.Every)} {Long(s.Length)}",
        _ => app.TraceFile is { } file ? $"trace {Str(file)}" : "full",
    };

    private static string HostShape(HostSymbol host, Dictionary<OsSymbol, int> os, Dictionary<ApplicationSymbol, int> apps)
    {
        var cpu = host.HasCpu
            ? string.Join(' ', "cpu", Int(host.Sockets), Int(host.Cores), Int(host.Threads), Num(host.ClockHz / 1e9), Int((int)host.Features), NullableNum(host.SmtYield))
            : "~";
        var overrides = host.Overrides is { } o
            ? $"overhead {NullableNum(o.Cpu)} {NullableNum(o.Io)} {(o.MemoryPerGuestBytes is { } m ? Long(m) : "~")}"
            : "~";
        return string.Join(' ', "hostshape", cpu, Long(host.MemoryBytes),
            List(host.Disks, d => $"disk {Str(d.Name)} {Long(d.CapacityBytes)} {Num(d.Iops)} {Num(d.BitsPerSecond / 8)} {NullableStr(d.Driver)}"),
            List(host.Nics, n => $"nic {Str(n.Name)} {Num(n.BitsPerSecond)} {NullableStr(n.Driver)}"),
            Num(host.IdleWatts), Num(host.MaxWatts), host.Os is { } hostOs ? Int(os[hostOs]) : "~", NullableStr(host.Patch),
            host.HypervisorKind.ToString(), host.Acceleration.ToString(), List(host.HypervisorDrivers, Str), overrides, Bool(host.PageSharing),
            host.Ballooning is { } b ? Bool(b) : "~", Failures(host.HypervisorFailures), List(host.Runs, a => Int(apps[a])), Failures(host.Failures),
            NullableStr(host.Site?.Name));
    }

    private static string GuestShape(GuestSymbol guest, Dictionary<OsSymbol, int> os, Dictionary<ApplicationSymbol, int> apps)
    {
        var runs = List(guest.Runs, a => Int(apps[a]));
        var copies = Int(Math.Max(1, guest.Copies));
        return guest.IsVm
            ? string.Join(' ', "vm", copies, Int(Math.Clamp(guest.Vcpus, 1, int.MaxValue)), Long(guest.MemoryBytes), Long(guest.DiskBytes),
                guest.Os is { } guestOs ? Int(os[guestOs]) : "~", NullableStr(guest.Patch), Bool(guest.Privileged), guest.RestartPriority.ToString(), runs)
            : string.Join(' ', "container", copies, Num(guest.CpuShares > 0 ? guest.CpuShares : 1),
                guest.MemoryLimitBytes is { } limit ? Long(limit) : "~", Bool(guest.Burst), guest.RestartPriority.ToString(), runs);
    }

    private static string Failures(FailureSpec? spec) => spec is null
        ? "~"
        : string.Join(' ', "failures", Long(spec.Mtbf), Long(spec.Mttr), spec.Distribution.ToString(), Num(spec.Shape), Num(spec.Sigma), spec.Repair.ToString(), Num(spec.RepairSigma));

    /// <summary>A count and its items.</summary>
    private static string List<T>(IReadOnlyCollection<T> items, Func<T, string> item) =>
        items.Count == 0 ? "0" : $"{items.Count.ToString(CultureInfo.InvariantCulture)} {string.Join(' ', items.Select(item))}";

    /// <summary>A string token: plain characters as they are, every other UTF-16 unit as <c>\XXXX</c>.</summary>
    internal static string Str(string value)
    {
        var text = new StringBuilder(value.Length + 1).Append('\'');
        foreach (var c in value)
        {
            if (TopologyDataFormat.IsPlain(c))
            {
                text.Append(c);
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\{(int)c:X4}");
            }
        }

        return text.ToString();
    }

    private static string NullableStr(string? value) => value is null ? "~" : Str(value);

    private static string Bool(bool value) => value ? "1" : "0";

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>As the C# emitter wrote a whole number: the double truncated.</summary>
    private static string Long(double value) => ((long)value).ToString(CultureInfo.InvariantCulture);

    /// <summary>As the C# emitter wrote a number: round-trip, a non-finite one as 0.</summary>
    private static string Num(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "0";

    private static string NullableNum(double? value) => value is { } v ? Num(v) : "~";
}
