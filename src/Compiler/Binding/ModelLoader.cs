using System.Collections.Immutable;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;

namespace VirtLang.Compiler.Binding;

/// <summary>
/// Loads a model: the files the user named and, transitively, the files they import (each path relative to the
/// importing file), each once by its identity (on disk, its canonical path). Every problem with an import (empty,
/// missing, not a regular file, too large, past the model's size, part of a cycle) is reported at the import. Both
/// walks over the imports are iterative: a chain of any length costs no stack.
/// </summary>
internal sealed class ModelLoader(ISourceProvider provider)
{
    /// <summary>A cycle longer than this is named by its first and last files, with the count of those between.</summary>
    private const int CycleFilesShown = 10;

    private readonly Dictionary<string, ModelFile> _files = new(StringComparer.Ordinal);
    private readonly List<(ModelFile From, ImportSyntax Import, string To)> _edges = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private long _characters;

    /// <summary>Loads from the roots' trees (parsed by the caller: an editor keeps them between edits); imports are read and parsed here.</summary>
    public (ImmutableArray<ModelFile> Files, IReadOnlyList<Diagnostic> Diagnostics) Load(IEnumerable<SyntaxTree> roots)
    {
        var pending = new Queue<ModelFile>();
        foreach (var root in roots)
        {
            if (Add(root) is { } file)
            {
                _characters += root.Text.Length;
                pending.Enqueue(file);
            }
        }

        while (pending.Count > 0)
        {
            var file = pending.Dequeue();
            foreach (var import in file.Tree.Root.Imports)
            {
                if (import.Path.IsMissing || !SyntaxFacts.IsTerminatedString(import.Path.Text))
                {
                    continue; // a syntax error, already reported
                }

                if (Resolve(file, import) is { } imported)
                {
                    pending.Enqueue(imported);
                }
            }
        }

        ReportCycles();
        return ([.. _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)], _diagnostics);
    }

    /// <summary>Follows one import: the file it newly adds to the model, or null (already loaded, or refused and reported).</summary>
    private ModelFile? Resolve(ModelFile file, ImportSyntax import)
    {
        var spelled = import.Path.ValueText;
        var location = new Location(file.Tree.Text, import.Path.Span);
        if (string.IsNullOrWhiteSpace(spelled))
        {
            _diagnostics.Add(new Diagnostic(CompilerDiagnostics.EmptyImport, location));
            return null;
        }

        string target;
        string identity;
        try
        {
            target = Path.Combine(Path.GetDirectoryName(file.Path) ?? string.Empty, spelled);
            identity = provider.Identity(target);
        }
        catch (Exception e) when (e is ArgumentException or PathTooLongException or NotSupportedException or IOException)
        {
            _diagnostics.Add(new Diagnostic(CompilerDiagnostics.ImportNotFound, location, [spelled, "it is not a valid path"]));
            return null;
        }

        _edges.Add((file, import, identity));
        if (_files.ContainsKey(identity))
        {
            return null;
        }

        if (!provider.TryRead(target, out var text, out var failure))
        {
            var descriptor = failure?.Kind switch
            {
                SourceReadFailureKind.NotARegularFile => CompilerDiagnostics.ImportNotAFile,
                SourceReadFailureKind.TooLarge => SyntaxDiagnostics.FileTooLarge,
                _ => CompilerDiagnostics.ImportNotFound,
            };
            _diagnostics.Add(new Diagnostic(descriptor, location, [spelled, failure?.Reason ?? "unreadable"]));
            return null;
        }

        if (_characters + text!.Length > SourceLimits.MaxModelCharacters)
        {
            _diagnostics.Add(new Diagnostic(SyntaxDiagnostics.ModelTextTooLarge, location,
                [spelled, _characters + text.Length, SourceLimits.MaxModelCharacters / (1024 * 1024)]));
            return null;
        }

        _characters += text.Length;
        return Add(SyntaxTree.Parse(text), identity);
    }

    private ModelFile? Add(SyntaxTree tree, string? identity = null)
    {
        identity ??= provider.Identity(tree.Text.Path);
        if (_files.ContainsKey(identity))
        {
            return null; // named twice, or named and imported: one file
        }

        var file = new ModelFile(tree.Text.Path, tree, identity);
        _files.Add(identity, file);
        return file;
    }

    /// <summary>
    /// Depth-first over the imports, with an explicit stack; an import that leads back to a file on the current path
    /// closes a cycle, reported at that import.
    /// </summary>
    private void ReportCycles()
    {
        var byFile = _edges.Where(e => _files.ContainsKey(e.To)).GroupBy(e => e.From.Identity)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var onPath = new Dictionary<string, int>(StringComparer.Ordinal); // a file on the current path: its depth
        var path = new List<(ModelFile From, ImportSyntax Import, string To)>(); // path[i] leaves the file at depth i
        var stack = new Stack<(string Identity, int Next)>();

        foreach (var start in _files.Keys.Order(StringComparer.Ordinal))
        {
            if (done.Contains(start))
            {
                continue;
            }

            onPath[start] = 0;
            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                var (identity, next) = stack.Pop();
                var edges = byFile.GetValueOrDefault(identity);
                if (edges is null || next == edges.Count)
                {
                    done.Add(identity);
                    onPath.Remove(identity);
                    if (path.Count > 0)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    continue;
                }

                stack.Push((identity, next + 1));
                var edge = edges[next];
                if (onPath.TryGetValue(edge.To, out var depth))
                {
                    ReportCycle([.. path.Skip(depth), edge]);
                }
                else if (!done.Contains(edge.To))
                {
                    path.Add(edge);
                    onPath[edge.To] = path.Count;
                    stack.Push((edge.To, 0));
                }
            }
        }
    }

    /// <summary>Reports a cycle at its last import; a long one is named by its ends, so the message stays short.</summary>
    private void ReportCycle(List<(ModelFile From, ImportSyntax Import, string To)> cycle)
    {
        var last = cycle[^1];
        var shown = cycle.Count <= CycleFilesShown
            ? cycle
            : [.. cycle.Take(CycleFilesShown / 2), .. cycle.TakeLast(CycleFilesShown / 2)];
        var names = shown.Select(e => e.From.Path).ToList();
        if (cycle.Count > CycleFilesShown)
        {
            names.Insert(CycleFilesShown / 2, $"… ({cycle.Count - CycleFilesShown} more files)");
        }

        names.Add(_files[last.To].Path);
        _diagnostics.Add(new Diagnostic(CompilerDiagnostics.ImportCycle,
            new Location(last.From.Tree.Text, last.Import.Path.Span), [string.Join(" → ", names)],
            [.. shown.Select(e => new RelatedLocation(new Location(e.From.Tree.Text, e.Import.Path.Span), $"{e.From.Path} imports {_files[e.To].Path}"))]));
    }
}
