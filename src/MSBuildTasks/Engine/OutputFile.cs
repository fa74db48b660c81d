using System.Text;

namespace VirtLang.MSBuildTasks;

/// <summary>How the check writes what it produces: whole or not at all, through a temporary file renamed over the old one.</summary>
internal static class OutputFile
{
    /// <summary>
    /// Writes only when the content differs: an unchanged output keeps its time stamp, so what depends on it (C#
    /// compilation) stays up to date.
    /// </summary>
    public static void WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            return;
        }

        WriteAtomically(path, text);
    }

    public static void WriteAtomically(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
