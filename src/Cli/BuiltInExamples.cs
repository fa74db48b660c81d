using System.Reflection;
using VirtLang.Language.Text;

namespace VirtLang.Cli;

/// <summary>The examples shipped inside the tool, so that a newcomer sees a result with one command and no file.</summary>
internal static class BuiltInExamples
{
    /// <summary>The example used when no file is given.</summary>
    public const string DefaultName = "datacenter";

    public static IEnumerable<string> Names =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith("examples/", StringComparison.Ordinal))
            .Select(n => n["examples/".Length..^".vdl".Length])
            .Order(StringComparer.Ordinal);

    public static SourceText? Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"examples/{name}.vdl");
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return SourceDecoder.Decode(buffer.ToArray(), $"<built-in>/{name}.vdl");
    }
}
