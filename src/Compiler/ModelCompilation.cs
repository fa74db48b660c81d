using System.Collections.Immutable;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;

namespace VirtLang.Compiler;

/// <summary>
/// A model: the files the user named, parsed. The one entry point of the CLI, the MSBuild task and the language
/// server. For now it checks syntax (VDL0xxx); binding and the rule families (VDL1xxx–VDL5xxx) come next.
/// </summary>
public sealed class ModelCompilation
{
    private ModelCompilation(ImmutableArray<ModelFile> files)
    {
        Files = files;
        Diagnostics = [.. files.SelectMany(f => f.Tree.Diagnostics).OrderBy(d => d, DiagnosticOrder.Instance)];
    }

    public ImmutableArray<ModelFile> Files { get; }

    /// <summary>Every diagnostic of the model, in <see cref="DiagnosticOrder"/>.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public static ModelCompilation Create(IEnumerable<SourceText> sources) =>
        new([.. sources.Select(s => new ModelFile(s.Path, SyntaxTree.Parse(s)))]);

    /// <summary>Reads and parses files from disk.</summary>
    /// <exception cref="ModelFileException">A path is missing, a directory, or unreadable.</exception>
    public static ModelCompilation FromFiles(IEnumerable<string> paths) => Create(paths.Select(ReadSource));

    public static SourceText ReadSource(string path)
    {
        if (Directory.Exists(path))
        {
            throw new ModelFileException(path, "is a directory; name the .vdl files to check");
        }

        if (!File.Exists(path))
        {
            throw new ModelFileException(path, "no such file");
        }

        try
        {
            return SourceDecoder.ReadFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException(path, e.Message);
        }
    }
}
