using VirtLang.Language.Text;

namespace VirtLang.Compiler.Sources;

/// <summary>Files held in memory by path ('/'-separated, normalized): tests, built-in examples, unsaved editor buffers.</summary>
public sealed class InMemorySourceProvider(IReadOnlyDictionary<string, string> files) : ISourceProvider
{
    public bool TryRead(string path, out SourceText? text, out SourceReadFailure? failure)
    {
        var key = Identity(path);
        if (files.TryGetValue(key, out var content))
        {
            text = SourceText.From(content, key);
            failure = null;
            return true;
        }

        text = null;
        failure = new SourceReadFailure(SourceReadFailureKind.NotFound, "no such file");
        return false;
    }

    public string Identity(string path)
    {
        // Resolve `.` and `..` without touching a disk: rooted at a fake root so GetFullPath never escapes it.
        const string root = "/__memory__/";
        var full = Path.GetFullPath(root + path.Replace('\\', '/').TrimStart('/'));
        return full.StartsWith(root, StringComparison.Ordinal) ? full[root.Length..] : full;
    }
}
