using VirtLang.Compiler;
using VirtLang.Language.Text;

namespace VirtLang.LanguageServer.Tests;

/// <summary>One file's model compiled from memory (nothing read from disk), for the features' tests.</summary>
internal static class InMemoryCompilation
{
    public static ModelCompilation Of(string text, string path = "/model.vdl") =>
        ModelCompilation.Create([SourceText.From(text, path)], new Compiler.Sources.InMemorySourceProvider(new Dictionary<string, string> { [path] = text }));
}
