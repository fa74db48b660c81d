using System.Collections.Immutable;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;

namespace VirtLang.Compiler.Binding;

/// <summary>
/// Loads a model: the files the user named and, transitively, the files they import (each path relative to the
/// importing file), each once. A missing import and an import cycle are reported at the import.
/// </summary>
internal sealed class ModelLoader(ISourceProvider provider)
{
    private readonly Dictionary<string, ModelFile> _files = new(StringComparer.Ordinal);
    private readonly List<(ModelFile From, ImportSyntax Import, string To)> _edges = [];
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>Loads from the roots' trees (parsed by the caller: an editor keeps them between edits); imports are read and parsed here.</summary>
    public (ImmutableArray<ModelFile> Files, IReadOnlyList<Diagnostic> Diagnostics) Load(IEnumerable<SyntaxTree> roots)
    {
        var pending = new Queue<ModelFile>();
        foreach (var root in roots)
        {
            if (Add(root) is { } file)
            {
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

                var target = Path.Combine(Path.GetDirectoryName(file.Path) ?? string.Empty, import.Path.ValueText);
                var identity = provider.Identity(target);
                _edges.Add((file, import, identity));
                if (_files.ContainsKey(identity))
                {
                    continue;
                }

                if (!provider.TryRead(target, out var text, out var reason))
                {
                    _diagnostics.Add(new Diagnostic(CompilerDiagnostics.ImportNotFound,
                        new Location(file.Tree.Text, import.Path.Span), [import.Path.ValueText, reason ?? "unreadable"]));
                    continue;
                }

                if (Add(SyntaxTree.Parse(text!), identity) is { } imported)
                {
                    pending.Enqueue(imported);
                }
            }
        }

        ReportCycles();
        return ([.. _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)], _diagnostics);
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

    /// <summary>Depth-first over the imports; an import that leads back to a file on the current path closes a cycle.</summary>
    private void ReportCycles()
    {
        var byFile = _edges.GroupBy(e => e.From.Identity).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1: on the path, 2: done
        var path = new List<(ModelFile From, ImportSyntax Import, string To)>();

        void Visit(string identity)
        {
            state[identity] = 1;
            foreach (var edge in byFile.GetValueOrDefault(identity) ?? [])
            {
                if (!_files.ContainsKey(edge.To))
                {
                    continue;
                }

                var seen = state.GetValueOrDefault(edge.To);
                if (seen == 1)
                {
                    var start = path.FindIndex(e => e.From.Identity == edge.To);
                    var cycle = (start < 0 ? [] : path[start..]).Append(edge).ToList();
                    var names = string.Join(" → ", cycle.Select(e => e.From.Path).Append(_files[edge.To].Path));
                    _diagnostics.Add(new Diagnostic(CompilerDiagnostics.ImportCycle,
                        new Location(edge.From.Tree.Text, edge.Import.Path.Span), [names],
                        [.. cycle.Select(e => new RelatedLocation(new Location(e.From.Tree.Text, e.Import.Path.Span), $"{e.From.Path} imports {_files[e.To].Path}"))]));
                }
                else if (seen == 0)
                {
                    path.Add(edge);
                    Visit(edge.To);
                    path.RemoveAt(path.Count - 1);
                }
            }

            state[identity] = 2;
        }

        foreach (var identity in _files.Keys.Order(StringComparer.Ordinal))
        {
            if (!state.ContainsKey(identity))
            {
                Visit(identity);
            }
        }
    }
}
