using System.Security.Cryptography;
using System.Text;
using VirtLang.Compiler.Emit;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Hosting;

/// <summary>
/// The cache key of a model's assembly: the model's files (paths and text, in the order of
/// <see cref="ModelCompilation.Files"/>: by path) and the exact compiler and runtime builds that turn them into an
/// assembly. Computed without generating anything, so that a cached run never loads Roslyn.
/// </summary>
internal static class ModelKey
{
    public static string Of(ModelCompilation compilation) => Of(compilation.Files.Select(f => (f.Path, f.Tree.Text.Text)));

    public static string Of(IEnumerable<(string Path, string Text)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        Add(typeof(Topology).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        Add(typeof(CSharpEmitter).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        foreach (var (path, text) in files)
        {
            Add(path);
            Add(text);
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}
