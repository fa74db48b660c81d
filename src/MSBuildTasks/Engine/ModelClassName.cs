using System.Text;

namespace VirtLang.MSBuildTasks;

/// <summary>The generated class's default name: the file name in PascalCase plus <c>Model</c> (<c>east-dc.vdl</c> → <c>EastDcModel</c>).</summary>
public static class ModelClassName
{
    public static string FromFile(string path)
    {
        var name = new StringBuilder();
        foreach (var part in Path.GetFileNameWithoutExtension(path).Split(c => !char.IsLetterOrDigit(c)))
        {
            if (part.Length > 0)
            {
                name.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
            }
        }

        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            name.Insert(0, "Vdl");
        }

        return name.Append("Model").ToString();
    }

    private static string[] Split(this string text, Func<char, bool> separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || separator(text[i]))
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        return [.. parts];
    }
}
