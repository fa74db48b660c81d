using System.Globalization;
using System.Text;
using VirtLang.Import.Model;
using VirtLang.Language.Formatting;
using VirtLang.Language.Syntax;

namespace VirtLang.Import.Writing;

/// <summary>
/// Writes an <see cref="ImportedEstate"/> as a .vdl model: the declarations are laid out, parsed into a syntax tree and
/// printed by the formatter, so the result is exactly what `vdl fmt` would make of it and is known to parse. Names
/// come from <see cref="VdlNameAllocator"/>; everything else a source said is a number, a quantity, a string literal
/// or a comment (<see cref="VdlText"/>), so nothing in a source becomes syntax.
/// </summary>
public static class VdlModelWriter
{
    public static string Write(ImportedEstate estate, string source)
    {
        var text = new StringBuilder();
        text.Append("// ").Append(VdlText.Comment(source)).Append('\n');
        if (estate.Assumptions.Count > 0)
        {
            text.Append("// Assumptions and placeholders: what the source did not say, for you to fix next:\n");
            foreach (var assumption in estate.Assumptions)
            {
                text.Append("// - ").Append(VdlText.Comment(assumption)).Append('\n');
            }
        }

        foreach (var os in estate.OperatingSystems)
        {
            text.Append('\n');
            WriteOs(text, os);
        }

        foreach (var app in estate.Apps)
        {
            text.Append('\n');
            WriteApp(text, app);
        }

        foreach (var host in estate.Hosts)
        {
            text.Append('\n');
            WriteHost(text, host);
        }

        foreach (var cluster in estate.Clusters)
        {
            text.Append('\n');
            Comments(text, cluster.Comments);
            text.Append("cluster ").Append(cluster.Name).Append(" {\n");
            text.Append("hosts = [").AppendJoin(", ", cluster.Hosts).Append("]\n}\n");
        }

        var tree = SyntaxTree.Parse(text.ToString(), "import.vdl");
        if (tree.HasErrors || Formatter.Format(tree) is not { } formatted)
        {
            // Every piece above is built from sanitized names and literals: a tree with errors is a bug of ours.
            throw new InvalidOperationException($"the imported model does not parse: {tree.Diagnostics.First(d => d.IsError)}");
        }

        return formatted;
    }

    private static void WriteOs(StringBuilder text, ImportedOs os)
    {
        Comments(text, os.Comments);
        var version = os.Version is { } v && VirtLang.Language.Literals.VersionGrammar.ParseVersion(v).Success ? v : null;
        if (os.Version is not null && version is null)
        {
            Comments(text, [$"version {os.Version} (not a VDL version: numbers separated by dots)"]);
        }

        text.Append("os ").Append(os.Name).Append(" {\n");
        Attribute(text, "family", os.Family);
        if (version is not null)
        {
            Attribute(text, "version", VdlText.String(version));
        }

        text.Append("}\n");
    }

    private static void WriteApp(StringBuilder text, ImportedApp app)
    {
        Comments(text, app.Comments);
        text.Append("app ").Append(app.Name).Append(" {\n");
        if (app.RequiresOs.Count > 0)
        {
            text.Append("requires {\n");
            Attribute(text, "os", "[" + string.Join(", ", app.RequiresOs) + "]");
            text.Append("}\n");
        }

        Optional(text, "isolation", app.Isolation);
        Optional(text, "replicas", app.Replicas?.ToString(CultureInfo.InvariantCulture));
        if (app.DemandCpu is not null || app.DemandMemoryBytes is not null)
        {
            text.Append("demand {\n");
            Optional(text, "cpu", app.DemandCpu is { } cpu ? VdlText.Number(cpu) : null);
            Optional(text, "memory", app.DemandMemoryBytes is { } memory ? MemorySize.ToQuantity(memory) : null);
            text.Append("}\n");
        }

        text.Append("}\n");
    }

    private static void WriteHost(StringBuilder text, ImportedHost host)
    {
        Comments(text, host.Comments);
        text.Append("host ").Append(host.Name).Append(" {\n");
        Optional(text, "os", host.Os);
        if (host.CpuFeatures.Count > 0)
        {
            text.Append("cpu {\n");
            Attribute(text, "features", "[" + string.Join(", ", host.CpuFeatures) + "]");
            text.Append("}\n");
        }

        text.Append("hypervisor {\n");
        Attribute(text, "kind", host.HypervisorKind);
        Optional(text, "product", host.Product is { } product ? VdlText.String(product) : null);
        Optional(text, "acceleration", host.Acceleration);
        text.Append("}\n");
        foreach (var guest in host.Guests)
        {
            WriteGuest(text, guest);
        }

        text.Append("}\n");
    }

    private static void WriteGuest(StringBuilder text, ImportedGuest guest)
    {
        Comments(text, guest.Comments);
        text.Append(guest.Kind == GuestKind.Vm ? "vm " : "container ").Append(guest.Name).Append(" {\n");
        Optional(text, "os", guest.Os);
        Optional(text, "vcpus", guest.Vcpus?.ToString(CultureInfo.InvariantCulture));
        Optional(text, "memory", guest.MemoryBytes is { } memory ? MemorySize.ToQuantity(memory) : null);
        Optional(text, "disk", guest.DiskBytes is { } disk ? MemorySize.ToQuantity(disk) : null);
        Optional(text, "cpu_shares", guest.CpuShares is { } shares ? VdlText.Number(shares) : null);
        Optional(text, "memory_limit", guest.MemoryLimitBytes is { } limit ? MemorySize.ToQuantity(limit) : null);
        if (guest.Runs.Count > 0)
        {
            Attribute(text, "runs", "[" + string.Join(", ", guest.Runs) + "]");
        }

        Optional(text, "count", guest.Count?.ToString(CultureInfo.InvariantCulture));
        text.Append("}\n");
    }

    private static void Comments(StringBuilder text, List<string> comments)
    {
        foreach (var comment in comments)
        {
            text.Append("// ").Append(VdlText.Comment(comment)).Append('\n');
        }
    }

    private static void Optional(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            Attribute(text, name, value);
        }
    }

    private static void Attribute(StringBuilder text, string name, string value) => text.Append(name).Append(" = ").Append(value).Append('\n');
}
