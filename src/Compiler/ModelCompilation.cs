using System.Collections.Immutable;
using VirtLang.Compiler.Binding;
using VirtLang.Compiler.Configuration;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Rules;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;

namespace VirtLang.Compiler;

/// <summary>
/// A model: the files the user named and the files they import, parsed, bound and checked. The one entry point of the
/// CLI, the MSBuild task and the language server: syntax (VDL0xxx), imports, the namespace and the schema (VDL1xxx),
/// then the bound model and every rule family (VDL1016–1018, VDL2xxx–VDL5xxx).
/// </summary>
public sealed class ModelCompilation
{
    private ModelCompilation(ImmutableArray<ModelFile> files, SemanticModel semantics, IEnumerable<Diagnostic> diagnostics)
    {
        Files = files;
        SemanticModel = semantics;
        Diagnostics = [.. diagnostics.OrderBy(d => d, DiagnosticOrder.Instance)];
    }

    public ImmutableArray<ModelFile> Files { get; }

    /// <summary>The bound model: symbols with effective values, references, positions (for the editor and the code generator).</summary>
    public SemanticModel SemanticModel { get; }

    /// <summary>Every diagnostic of the model, in <see cref="DiagnosticOrder"/>.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The model made of <paramref name="roots"/> and what they import, read through <paramref name="provider"/> (the file system by default).</summary>
    public static ModelCompilation Create(IEnumerable<SourceText> roots, ISourceProvider? provider = null) =>
        Create(roots.Select(SyntaxTree.Parse), provider);

    /// <summary>The model made of trees already parsed (the editor keeps unchanged files' trees) and what they import.</summary>
    public static ModelCompilation Create(IEnumerable<SyntaxTree> roots, ISourceProvider? provider = null)
    {
        provider ??= FileSystemSourceProvider.Instance;
        var (files, importDiagnostics) = new ModelLoader(provider).Load(roots);
        var checks = new List<Diagnostic>();
        var table = new SymbolTable(files);
        var rules = new SchemaRules(table, checks);
        foreach (var file in files)
        {
            rules.Check(file);
        }

        var semantics = new Binder(files, table, checks).Bind();
        RuleRunner.Run(semantics, files, checks);

        var all = files.SelectMany(f => f.Tree.Diagnostics)
            .Concat(importDiagnostics)
            .Concat(table.ReportDuplicates())
            .Concat(checks);
        all = SuppressionComments.Apply(all, files);

        // Files on disk take the severities of their nearest vdlconfig.json; problems in a configuration are
        // diagnostics too, not subject to it. Models held in memory have no folder, so no configuration.
        if (provider.AppliesConfiguration)
        {
            var configurations = new ConfigurationLocator();

            // Each file's configuration is read whether or not the file has a diagnostic: a broken vdlconfig.json
            // beside a clean model is reported too (it was read only to apply it to a diagnostic).
            foreach (var file in files)
            {
                configurations.For(file.Path);
            }

            all = all.Select(d => configurations.For(d.Location.Path).Apply(d)).OfType<Diagnostic>().ToList()
                .Concat(configurations.Diagnostics);
        }

        // Last, so that what is silenced does not count: each file reports at most DiagnosticsPerFile.Max.
        return new ModelCompilation(files, semantics, DiagnosticsPerFile.Cap(all));
    }

    /// <summary>Reads and parses files from disk, with their imports.</summary>
    /// <exception cref="ModelFileException">A path the user named is missing, a directory, or unreadable.</exception>
    public static ModelCompilation FromFiles(IEnumerable<string> paths) => Create([.. paths.Select(ReadSource)]);

    /// <summary>Reads a file the user named, as imports are read: a regular file within the size limit.</summary>
    /// <exception cref="ModelFileException">It is missing, not a regular file, too large, or unreadable.</exception>
    public static SourceText ReadSource(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ModelFileException(path, "an empty path names no file");
        }

        if (Directory.Exists(path))
        {
            throw new ModelFileException(path, "is a directory; name the .vdl files to check");
        }

        try
        {
            if (!SourceFileReader.TryRead(path, out var text, out var failure))
            {
                throw new ModelFileException(path, failure!.Kind == SourceReadFailureKind.NotFound && !File.Exists(path) ? "no such file" : failure.Reason);
            }

            return text!;
        }
        catch (Exception e) when (e is ArgumentException or PathTooLongException or NotSupportedException)
        {
            throw new ModelFileException(path, "not a valid path");
        }
    }
}
