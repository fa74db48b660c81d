namespace VirtLang.LanguageServer.Workspace;

/// <summary>What a file on disk looked like when a model read it (or looked for it and found nothing).</summary>
internal readonly record struct FileStamp(bool Exists, DateTime WrittenUtc, long Length)
{
    public static FileStamp Of(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(true, info.LastWriteTimeUtc, info.Length) : default;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return default; // a path that cannot be asked about reads as absent, as the provider reads it
        }
    }
}
