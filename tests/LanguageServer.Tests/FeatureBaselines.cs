using System.Text;
using VirtLang.Compiler;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Tests;

/// <summary>
/// The inputs of the completion and hover baselines: each <c>.vdl</c> under Baselines/Completion or Baselines/Hover
/// is a model with a cursor marker (<see cref="Marker"/>); its <c>.txt</c> is what the feature gives there.
/// VDL_UPDATE_BASELINES=1 rewrites the <c>.txt</c> files from the current output (review the diff).
/// </summary>
internal static class FeatureBaselines
{
    public const string Marker = "$0";

    private static readonly bool Update = Environment.GetEnvironmentVariable("VDL_UPDATE_BASELINES") == "1";

    public static string Folder(string feature) => Path.Combine(RepositoryPaths.Root, "tests", "LanguageServer.Tests", "Baselines", feature);

    public static TheoryData<string> Samples(string feature)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder(feature), "*.vdl").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    /// <summary>The sample without its marker, as an open document, the marker's offset, and the model compiled from it.</summary>
    public static (OpenDocument Document, int Offset, ModelCompilation Compilation) Load(string feature, string sample)
    {
        var written = File.ReadAllText(Path.Combine(Folder(feature), sample + ".vdl")).ReplaceLineEndings("\n");
        var offset = written.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(offset >= 0 && written.IndexOf(Marker, offset + 1, StringComparison.Ordinal) < 0, $"{sample}.vdl must hold one {Marker}");
        var text = written.Remove(offset, Marker.Length);
        var path = $"/baselines/{sample}.vdl";
        var document = new OpenDocument("file://" + path, path, text, version: 1);
        return (document, offset, InMemoryCompilation.Of(text, path));
    }

    public static void Verify(string feature, string sample, string actual)
    {
        var path = Path.Combine(Folder(feature), sample + ".txt");
        if (Update)
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with VDL_UPDATE_BASELINES=1 to write it, then review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
