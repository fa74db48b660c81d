using VirtLang.Compiler;
using VirtLang.Compiler.Sources;

namespace VirtLang.LanguageServer.Workspace;

/// <summary>
/// The open documents and, for each, the model it roots (itself and what it imports, unsaved text included). A
/// model is compiled when first asked for and kept until a file it read changes: a keystroke in one file re-checks
/// only the models that contain it, and every other document keeps its semantic model. The models rooted at closed
/// files (for references and rename) are kept the same way, checked against the disk before each use. Callers hold
/// <see cref="Gate"/>.
/// </summary>
internal sealed class ModelWorkspace
{
    private readonly Dictionary<string, OpenDocument> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CachedModel> _compilations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CachedModel> _closed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModelCompilation> _lastCompiled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (FileStamp Stamp, Language.Syntax.SyntaxTree Tree)> _closedTrees = new(StringComparer.Ordinal);
    private readonly OverlaySourceProvider _provider;

    public ModelWorkspace() => _provider = new OverlaySourceProvider(_open);

    /// <summary>Held by every reader and writer: the dispatcher and the diagnostics timer share the workspace.</summary>
    public object Gate { get; } = new();

    /// <summary>How many models were compiled since the start (a test reads it to see that unchanged ones were kept).</summary>
    public int CompilationCount { get; private set; }

    public IEnumerable<OpenDocument> Documents => _open.Values;

    public OpenDocument? Find(string uri) => _open.GetValueOrDefault(DocumentUri.ToPath(uri));

    public OpenDocument Get(string uri) =>
        Find(uri) ?? throw new Protocol.LspException(Protocol.LspErrorCodes.InvalidParams, $"{uri} is not open");

    /// <summary>Opens or replaces a document; returns the open documents whose models it is part of (itself included).</summary>
    public IReadOnlyList<OpenDocument> Open(string uri, string text, int version)
    {
        var path = DocumentUri.ToPath(uri);
        _open[path] = new OpenDocument(uri, path, text, version);
        return Invalidate(path);
    }

    public IReadOnlyList<OpenDocument> Change(OpenDocument document, string text, int version)
    {
        document.Update(text, version);
        return Invalidate(document.Path);
    }

    /// <summary>Closes a document; the models that read it now read the file on disk.</summary>
    public IReadOnlyList<OpenDocument> Close(string uri)
    {
        var path = DocumentUri.ToPath(uri);
        _open.Remove(path);
        _compilations.Remove(path);
        _lastCompiled.Remove(path);
        return Invalidate(path);
    }

    /// <summary>
    /// Files changed on disk (the client's watcher saw them): the open documents whose models read one of them from
    /// disk, or looked for one that now exists, are checked again. Saving an open file changes nothing: the model
    /// already has its text.
    /// </summary>
    public IReadOnlyList<OpenDocument> DiskChanged()
    {
        var affected = new List<OpenDocument>();
        foreach (var document in _open.Values)
        {
            if (_compilations.TryGetValue(document.Path, out var cached) && !cached.Inputs.IsCurrent())
            {
                _compilations.Remove(document.Path);
                affected.Add(document);
            }
        }

        // What changed on disk is let go now rather than at its next use: a deleted file is never used again.
        foreach (var path in _closed.Where(entry => !entry.Value.Inputs.IsCurrent()).Select(entry => entry.Key).ToList())
        {
            _closed.Remove(path);
        }

        foreach (var path in _closedTrees.Where(entry => FileStamp.Of(entry.Key) != entry.Value.Stamp).Select(entry => entry.Key).ToList())
        {
            _closedTrees.Remove(path);
        }

        return affected;
    }

    /// <summary>The model rooted at the document, compiled now if a file of it changed since last time.</summary>
    public ModelCompilation CompilationOf(OpenDocument document)
    {
        if (_compilations.TryGetValue(document.Path, out var cached))
        {
            return cached.Compilation;
        }

        var compiled = Compile(document.Tree, document.Path, rootStamp: null);
        _compilations[document.Path] = compiled;
        _lastCompiled[document.Path] = compiled.Compilation;
        return compiled.Compilation;
    }

    /// <summary>The last compiled model of the document, even if it is out of date (completion lists names from it), or null.</summary>
    public ModelCompilation? LastCompilationOf(OpenDocument document) => _lastCompiled.GetValueOrDefault(document.Path);

    /// <summary>The folders the client opened (from <c>initialize</c>): their closed .vdl files count for references and rename.</summary>
    public List<string> Folders { get; } = [];

    /// <summary>
    /// Every model that holds the file: those of the open documents (kept compiled), then those rooted at each closed
    /// .vdl file of the workspace's folders (compiled for the question, as the editor's text makes them), so that
    /// references and rename reach files nobody has open.
    /// </summary>
    public IEnumerable<ModelCompilation> CompilationsContaining(string path)
    {
        foreach (var document in _open.Values.ToList())
        {
            var compilation = CompilationOf(document);
            if (_compilations[document.Path].Inputs.Contains(path))
            {
                yield return compilation;
            }
        }

        foreach (var file in ClosedModelFiles())
        {
            if (ClosedCompilationOf(file) is { } closed && closed.Inputs.Contains(path))
            {
                yield return closed.Compilation;
            }
        }
    }

    /// <summary>The model rooted at a closed file: the one kept if nothing it read has changed on disk, else read and compiled again.</summary>
    private CachedModel? ClosedCompilationOf(string file)
    {
        if (_closed.TryGetValue(file, out var cached) && cached.Inputs.IsCurrent())
        {
            return cached;
        }

        _closed.Remove(file);
        if (ClosedTreeOf(file) is not { } read)
        {
            return null; // gone or unreadable since it was listed: it has nothing to say
        }

        var compiled = Compile(read.Tree, file, read.Stamp);
        _closed[file] = compiled;
        return compiled;
    }

    /// <summary>A closed file's tree, parsed again only when the file changed on disk; null if it cannot be read.</summary>
    private (FileStamp Stamp, Language.Syntax.SyntaxTree Tree)? ClosedTreeOf(string file)
    {
        var stamp = FileStamp.Of(file);
        if (_closedTrees.TryGetValue(file, out var known) && known.Stamp == stamp)
        {
            return known;
        }

        _closedTrees.Remove(file);
        if (!stamp.Exists || !_provider.TryRead(file, out var text, out _))
        {
            return null;
        }

        var read = (stamp, Language.Syntax.SyntaxTree.Parse(text!));
        _closedTrees[file] = read;
        return read;
    }

    /// <summary>
    /// Every file the workspace knows, once each: the open documents and what their models import (wherever it is),
    /// then the closed .vdl files of the workspace's folders. For questions about the whole workspace (its symbols).
    /// </summary>
    public IEnumerable<Language.Syntax.SyntaxTree> AllTrees()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in _open.Values.ToList())
        {
            foreach (var file in CompilationOf(document).Files)
            {
                if (seen.Add(DocumentUri.Normalize(file.Path)))
                {
                    yield return file.Tree;
                }
            }
        }

        foreach (var file in ClosedModelFiles())
        {
            if (seen.Add(file) && ClosedTreeOf(file) is { } read)
            {
                yield return read.Tree;
            }
        }
    }

    /// <summary>Compiles the model rooted at the tree, recording what it reads (<paramref name="rootStamp"/> when the root came from disk).</summary>
    private CachedModel Compile(Language.Syntax.SyntaxTree root, string rootPath, FileStamp? rootStamp)
    {
        var recorder = new ModelInputs.Recorder(_provider, _open.ContainsKey);
        recorder.Root(rootPath, rootStamp);
        var compilation = ModelCompilation.Create([root], recorder);
        CompilationCount++;
        return new CachedModel(compilation, recorder.Finish());
    }

    /// <summary>
    /// Where the symbol is used in every model that holds its declaring file (<see cref="CompilationsContaining"/>),
    /// each place once, in the order found; its declaration too with <paramref name="includeDeclaration"/>.
    /// </summary>
    public IEnumerable<Language.Diagnostics.Location> ReferencesEverywhere(Compiler.Symbols.ModelSymbol symbol, bool includeDeclaration)
    {
        var declaring = DocumentUri.Normalize(symbol.Declaration.Path);
        var seen = new HashSet<(string, int)>();
        foreach (var model in CompilationsContaining(declaring))
        {
            // The same name in another model is the same symbol only if it is declared in the same file.
            if (model.SemanticModel.Resolve(symbol.Name) is not { } same || DocumentUri.Normalize(same.Declaration.Path) != declaring)
            {
                continue;
            }

            foreach (var location in model.SemanticModel.ReferencesOf(same, includeDeclaration))
            {
                if (seen.Add((DocumentUri.Normalize(location.Path), location.Span.Start)))
                {
                    yield return location;
                }
            }
        }
    }

    /// <summary>Folders a workspace question walks at most: a large repository's tree, with node_modules and build output left out.</summary>
    public const int MaxWorkspaceFolders = 20_000;

    /// <summary>.vdl files a workspace question lists at most: each closed one may be compiled to answer, so more would not answer in time.</summary>
    public const int MaxWorkspaceFiles = 5_000;

    /// <summary>
    /// The .vdl files of the workspace's folders that are not open (what tools skip, such as bin and .git, left out). The
    /// server holds its lock while it walks, so the walk is bounded.
    /// </summary>
    private IEnumerable<string> ClosedModelFiles() =>
        ModelFileSearch.Under(Folders.Where(Directory.Exists), MaxWorkspaceFolders, MaxWorkspaceFiles).Where(file => !_open.ContainsKey(file));

    /// <summary>The file's text changed in the editor (or it was opened or closed): every model that read it, or looked for it, is out of date.</summary>
    private List<OpenDocument> Invalidate(string path)
    {
        var affected = new List<OpenDocument>();
        foreach (var document in _open.Values)
        {
            if (document.Path == path || (_compilations.TryGetValue(document.Path, out var cached) && cached.Inputs.Contains(path)))
            {
                _compilations.Remove(document.Path);
                affected.Add(document);
            }
        }

        foreach (var root in _closed.Where(entry => entry.Key == path || entry.Value.Inputs.Contains(path)).Select(entry => entry.Key).ToList())
        {
            _closed.Remove(root);
        }

        return affected;
    }

    /// <summary>A compiled model and what it read.</summary>
    private sealed record CachedModel(ModelCompilation Compilation, ModelInputs Inputs);
}
