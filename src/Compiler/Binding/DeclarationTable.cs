using VirtLang.Compiler.Diagnostics;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Binding;

/// <summary>
/// The one namespace of a model (language.md): every declaration (<see cref="Declarations"/>) shares it; a name is
/// declared once, whatever its kind.
/// </summary>
internal static class DeclarationTable
{
    public static IEnumerable<Diagnostic> ReportDuplicates(IEnumerable<ModelFile> files)
    {
        var declarations = new List<(string Name, string Kind, Location Location)>();
        foreach (var (file, block) in Declarations.Of(files))
        {
            Add(declarations, file, block);
        }

        foreach (var group in declarations.GroupBy(d => d.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var all = group.ToList();
            foreach (var (name, _, location) in all)
            {
                var others = all.Where(o => o.Location != location)
                    .Select(o => new RelatedLocation(o.Location, $"`{name}` is also declared here, as {o.Kind}"));
                yield return new Diagnostic(CompilerDiagnostics.DuplicateDeclaration, location, [name, all.Count], [.. others]);
            }
        }
    }

    private static void Add(List<(string, string, Location)> declarations, ModelFile file, BlockSyntax block)
    {
        if (block.Name is { IsMissing: false } name)
        {
            declarations.Add((name.Text, block.KindName, new Location(file.Tree.Text, name.Span)));
        }
    }
}
