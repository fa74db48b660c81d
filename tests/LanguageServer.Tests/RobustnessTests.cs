using System.Text.Json;

namespace VirtLang.LanguageServer.Tests;

/// <summary>
/// Every positional request at positions all over real models, clean and broken (examples/ and examples/broken/):
/// an answer or a refusal, never an internal error.
/// </summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> Models()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Examples, "*.vdl").Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Examples, "broken"), "*.vdl")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Examples, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task NoRequestAnywhereIsAnInternalError(string model)
    {
        var path = Path.Combine(RepositoryPaths.Examples, model);
        var uri = new Uri(path).AbsoluteUri;
        var lines = File.ReadAllText(path).Split('\n');
        await using var session = new LspSession(TimeSpan.FromMilliseconds(1));
        await session.InitializeAsync();
        await session.OpenAsync(uri, File.ReadAllText(path));

        var failures = new List<string>();
        async Task Ask(string method, object parameters, string where)
        {
            var response = await session.RequestAsync(method, parameters);
            if (response.TryGetProperty("error", out var error) && error.GetProperty("code").GetInt32() == -32603)
            {
                failures.Add($"{method} at {where}: {error.GetProperty("message").GetString()}");
            }
        }

        // Every line, at its start, a third, two thirds, its end and past its end; the line after the last.
        for (var line = 0; line <= lines.Length; line++)
        {
            var length = line < lines.Length ? lines[line].TrimEnd('\r').Length : 0;
            foreach (var character in new[] { 0, length / 3, 2 * length / 3, length, length + 5 }.Distinct())
            {
                var position = LspSession.Position(uri, line, character);
                var where = $"{line}:{character}";
                await Ask("textDocument/completion", position, where);
                await Ask("textDocument/hover", position, where);
                await Ask("textDocument/signatureHelp", position, where);
                await Ask("textDocument/definition", position, where);
                await Ask("textDocument/selectionRange", new { textDocument = new { uri }, positions = new[] { new { line, character } } }, where);
                await Ask("textDocument/documentHighlight", position, where);
                await Ask("textDocument/prepareRename", position, where);
                await Ask("textDocument/references", new { textDocument = new { uri }, position = new { line, character }, context = new { includeDeclaration = true } }, where);
                await Ask("textDocument/rename", new { textDocument = new { uri }, position = new { line, character }, newName = "renamed" }, where);
            }
        }

        var document = new { textDocument = new { uri } };
        await Ask("textDocument/documentSymbol", document, "document");
        await Ask("textDocument/foldingRange", document, "document");
        await Ask("textDocument/inlayHint", new { textDocument = new { uri }, range = new { start = new { line = 0, character = 0 }, end = new { line = lines.Length, character = 0 } } }, "document");
        await Ask("workspace/symbol", new { query = "e" }, "workspace");
        await Ask("textDocument/semanticTokens/full", document, "document");
        await Ask("textDocument/formatting", new { textDocument = new { uri }, options = new { tabSize = 2, insertSpaces = true } }, "document");
        await Ask("textDocument/codeAction", new { textDocument = new { uri }, range = new { start = new { line = 0, character = 0 }, end = new { line = lines.Length, character = 0 } }, context = new { diagnostics = Array.Empty<object>() } }, "document");
        Assert.Empty(failures);
    }
}
