using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using VirtLang.Compiler;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Schema;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Workspace;
using VirtLang.Runtime.Model;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// Markdown for what is under the cursor: a name (what it is, and for hosts, guests and applications their
/// effective resources after <c>: BASE</c> and defaults), an attribute (its type and meaning), a diagnostic code in
/// a comment (its page of docs/diagnostics), or a diagnostic's range (its message and page).
/// </summary>
internal static partial class HoverProvider
{
    public static Hover? Hover(OpenDocument document, int offset, ModelCompilation compilation)
    {
        var text = document.Text;

        // A code in a comment (`// vdl-disable VDL5002`) or anywhere in the text: its page.
        var lineSpan = text.GetLineSpan(text.GetLinePosition(offset).Line);
        foreach (Match code in DiagnosticCode().Matches(text.ToString(lineSpan)))
        {
            var span = new TextSpan(lineSpan.Start + code.Index, code.Length);
            if (span.Start <= offset && offset <= span.End && DiagnosticDocumentation.GetPage(code.Value) is { } page)
            {
                return new Hover(page, span);
            }
        }

        var model = compilation.SemanticModel;
        if (SyntaxNavigation.TokenAt(document.Tree.Root, offset) is { Kind: SyntaxKind.Identifier } token)
        {
            if (AttributeHover(document.Tree.Root, token) is { } attribute)
            {
                return new Hover(attribute, token.Span);
            }

            if (model.SymbolAt(document.Path, offset) is { } symbol)
            {
                return new Hover(Describe(symbol, token.Text), token.Span);
            }
        }

        // A diagnostic under the cursor: what it says and where to read more.
        var diagnostic = compilation.Diagnostics.FirstOrDefault(d =>
            document.Contains(d.Location) && d.Location.Span.Start <= offset && offset <= d.Location.Span.End);
        if (diagnostic is not null)
        {
            return new Hover($"**{diagnostic.Code}** ({Language.Diagnostics.Diagnostic.SeverityWord(diagnostic.Severity)}): {diagnostic.Message}\n\n[{diagnostic.Code}]({diagnostic.Descriptor.HelpUri})", diagnostic.Location.Span);
        }

        return null;
    }

    private static string? AttributeHover(CompilationUnitSyntax root, SyntaxToken token)
    {
        var block = SyntaxNavigation.EnclosingBlock(root, token.Span.Start);
        var attribute = block?.Attributes.FirstOrDefault(a => a.Name == token);
        if (block is null || attribute is null || !ModelSchema.Blocks.TryGetValue(block.KindName, out var schema)
            || !schema.Attributes.TryGetValue(token.Text, out var found))
        {
            return null;
        }

        var markdown = new StringBuilder();
        markdown.Append(CultureInfo.InvariantCulture, $"```vdl\n{block.KindName} {{ {found.Name} = ... }}\n```\n\n");
        markdown.Append(CultureInfo.InvariantCulture, $"**{found.Name}**: {found.Type.Description}{(found.Required ? " (required)" : string.Empty)}");
        if (found.Help.Length > 0)
        {
            markdown.Append(" — ").Append(found.Help);
        }

        markdown.Append("\n\n[The schema](https://github.com/virtlang/virtlang/blob/main/docs/language.md#schema)");
        return markdown.ToString();
    }

    private static string Describe(ModelSymbol symbol, string written)
    {
        var markdown = new StringBuilder("```vdl\n");
        markdown.Append(symbol.Kind).Append(' ').Append(symbol.Name);
        if (symbol.Syntax.BaseClause is { } @base)
        {
            markdown.Append(" : ").Append(@base.BaseName.Text);
        }

        markdown.Append("\n```\n\n");
        if (written != symbol.Name)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"`{written}` is one of the {symbol.Copies} copies made by `count`.\n\n");
        }

        switch (symbol)
        {
            case HostSymbol host:
                markdown.Append(CultureInfo.InvariantCulture,
                    $"- CPU: {host.Sockets} × {host.Cores} × {host.Threads} = **{host.LogicalCpus} logical**{(host.ClockHz > 0 ? $" at {host.ClockHz / 1e9:0.##} GHz" : string.Empty)}\n");
                markdown.Append(CultureInfo.InvariantCulture, $"- memory: **{Gib(host.MemoryBytes)}**\n");
                markdown.Append(CultureInfo.InvariantCulture, $"- hypervisor: {ModelNames.ToName(host.HypervisorKind)}");
                if (host.HypervisorKind != HypervisorKind.None)
                {
                    markdown.Append(CultureInfo.InvariantCulture, $", guest code runs as {ModelNames.ToName(host.Mode)}");
                }

                markdown.Append('\n');
                markdown.Append(CultureInfo.InvariantCulture,
                    $"- guests: {host.Guests.Sum(g => g.Copies)} ({VcpuCount(host.Guests.Where(g => g.IsVm).Sum(g => g.Vcpus * g.Copies))}, {Gib(host.Guests.Where(g => g.IsVm).Sum(g => g.MemoryBytes * g.Copies))} for VMs)\n");
                if (host.Os is { } os)
                {
                    markdown.Append(CultureInfo.InvariantCulture, $"- OS: {os.Name}{(host.Patch is { } patch ? $" at patch {patch}" : string.Empty)}\n");
                }

                if (host.Site is { } hostSite)
                {
                    markdown.Append(CultureInfo.InvariantCulture, $"- site: {hostSite.Name}\n");
                }

                break;
            case SiteSymbol site:
                if (site.Location is { } location)
                {
                    markdown.Append(CultureInfo.InvariantCulture, $"- location: {location}\n");
                }

                markdown.Append(CultureInfo.InvariantCulture, $"- hosts: {(site.Hosts.Count == 0 ? "none" : string.Join(", ", site.Hosts.Select(h => h.Copies > 1 ? $"{h.Name} (×{h.Copies})" : h.Name)))}\n");
                break;
            case GuestSymbol guest:
                markdown.Append(CultureInfo.InvariantCulture, $"- on host `{guest.Host.Name}` ({ModelNames.ToName(guest.Host.HypervisorKind)})\n");
                if (guest.IsVm)
                {
                    markdown.Append(CultureInfo.InvariantCulture, $"- **{guest.Vcpus} {(guest.Vcpus == 1 ? "vCPU" : "vCPUs")}**, **{Gib(guest.MemoryBytes)}**\n");
                }
                else
                {
                    markdown.Append(CultureInfo.InvariantCulture, $"- CPU shares {guest.CpuShares:0.##}{(guest.Burst ? ", may burst" : string.Empty)}{(guest.MemoryLimitBytes is { } limit ? $", memory limit {Gib(limit)}" : string.Empty)}\n");
                }

                if (guest.Os is { } guestOs)
                {
                    markdown.Append(CultureInfo.InvariantCulture, $"- OS: {guestOs.Name}{(guest.Patch is { } p ? $" at patch {p}" : string.Empty)}\n");
                }

                if (guest.Runs.Count > 0)
                {
                    markdown.Append(CultureInfo.InvariantCulture, $"- runs: {string.Join(", ", guest.Runs.Select(a => a.Name))}\n");
                }

                break;
            case ApplicationSymbol app:
                markdown.Append(CultureInfo.InvariantCulture, $"- demand: **{app.Cpu:0.##} {(Math.Round(app.Cpu, 2) == 1 ? "core" : "cores")}** at peak {app.ProfilePeak * 100:0} % (mean {app.ProfileMean * 100:0} %), {Gib(app.MemoryBytes)}, I/O {ModelNames.ToName(app.Io)}\n");
                markdown.Append(CultureInfo.InvariantCulture, $"- replicas: {app.Replicas}, isolation: {app.Isolation}{(app.RecoveryTimeSeconds > 0 ? $", rto: {Runtime.Kernel.SimTime.Format((long)Math.Round(app.RecoveryTimeSeconds * Runtime.Kernel.SimTime.TicksPerSecond))}" : string.Empty)}\n");
                if (app.CertifiedOs.Count > 0)
                {
                    markdown.Append(CultureInfo.InvariantCulture, $"- certified on: {string.Join(", ", app.CertifiedOs)}\n");
                }

                break;
            default:
                markdown.Append(CultureInfo.InvariantCulture, $"{symbol.Display}, declared at line {symbol.Declaration.Start.Line}.\n");
                break;
        }

        return markdown.ToString();
    }

    private static string Gib(double bytes) => (bytes / (1L << 30)).ToString("0.##", CultureInfo.InvariantCulture) + " GiB";

    [GeneratedRegex(@"VDL\d{4}")]
    private static partial Regex DiagnosticCode();

    private static string VcpuCount(long vcpus) => vcpus == 1 ? "1 vCPU" : $"{vcpus} vCPUs";
}
