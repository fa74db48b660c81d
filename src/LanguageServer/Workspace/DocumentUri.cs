namespace VirtLang.LanguageServer.Workspace;

/// <summary>
/// Between the client's URIs and the compiler's paths: a <c>file:</c> URI is its full local path (so imports of
/// open files resolve to the editor's text); any other URI (<c>untitled:</c>) is its own path, with no folder.
/// </summary>
internal static class DocumentUri
{
    public static string ToPath(string uri)
    {
        if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile)
        {
            return Path.GetFullPath(parsed.LocalPath);
        }

        return uri;
    }

    public static string FromPath(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return new Uri(Path.GetFullPath(path)).AbsoluteUri;
        }

        return path;
    }

    /// <summary>A path as the compiler spelled it (an import may say <c>site/../shared/x.vdl</c>), in the workspace's form.</summary>
    public static string Normalize(string path) => Path.IsPathRooted(path) ? Path.GetFullPath(path) : path;
}
