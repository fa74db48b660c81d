using System.Collections.Immutable;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Literals;
using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>A parsed file: its text, its root and its syntax diagnostics (VDL0xxx), sorted. Parsing never throws.</summary>
public sealed class SyntaxTree
{
    private SyntaxTree(SourceText text, CompilationUnitSyntax root, ImmutableArray<Diagnostic> diagnostics)
    {
        Text = text;
        Root = root;
        Diagnostics = diagnostics;
    }

    public SourceText Text { get; }

    public CompilationUnitSyntax Root { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public string FilePath => Text.Path;

    /// <summary>
    /// Every token of the file in source order, the missing ones included (with their trivia they tile the text), read
    /// from the tree's store. The same tokens as <c>Root.DescendantTokens()</c>, but no node is made on the way: a pass
    /// over a big file's comments does not create the one-token value nodes that the check reads around.
    /// </summary>
    public IEnumerable<SyntaxToken> Tokens
    {
        get
        {
            var store = Root.EndOfFile.Store;
            for (var i = 0; i < store.TokenCount; i++)
            {
                yield return new SyntaxToken(store, i);
            }
        }
    }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public static SyntaxTree Parse(string text, string path = "") => Parse(SourceText.From(text, path));

    public static SyntaxTree Parse(SourceText text)
    {
        var diagnostics = new DiagnosticBag();
        var store = new TreeStore(text);
        var nul = text.Text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            // Binary content: one diagnostic, no token soup. The text is kept whole as skipped trivia.
            var skipped = new Parser(text, store, new DiagnosticBag()).SkipEverything();
            diagnostics.Add(SyntaxDiagnostics.BinaryFile, text, new TextSpan(nul, 1), nul);
            return new SyntaxTree(text, skipped, diagnostics.ToSortedArray());
        }

        if (text.DecodingProblem is { } problem)
        {
            diagnostics.Add(SyntaxDiagnostics.InvalidUtf8, text, new TextSpan(problem.CharOffset, 1), problem.Value, problem.ByteOffset);
        }

        var root = new Parser(text, store, diagnostics).ParseCompilationUnit();
        return new SyntaxTree(text, root, diagnostics.ToSortedArray());
    }

    /// <summary>The lexer's tokens alone (what the parser starts from), for tools and baselines; the last is end of file.</summary>
    public static IReadOnlyList<SyntaxToken> Tokenize(SourceText text, out ImmutableArray<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var store = new TreeStore(text);
        var lexer = new Lexer(text, store.Literals, bag);
        var tokens = new List<SyntaxToken>();
        RawToken raw;
        do
        {
            raw = lexer.Next();
            tokens.Add(store.AddToken(raw.Kind, raw.Start, raw.Width, raw.FullEnd));
        }
        while (raw.Kind != SyntaxKind.EndOfFile);

        diagnostics = bag.ToSortedArray();
        return tokens;
    }
}
