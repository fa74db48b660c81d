using System.Collections.Immutable;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// Hand-written recursive descent with error recovery. Never throws. A missing token is synthesized (zero width);
/// unexpected tokens are kept as skipped-token trivia of the next token. Recovery re-synchronizes at the start of a
/// line (members are separated by white space) and at braces, so one mistake gives one diagnostic.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Blocks, lists and calls nested deeper than this are skipped with VDL0030 (and recursion stays bounded).</summary>
    public const int MaxDepth = 100;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly TreeStore _store;
    private readonly DiagnosticBag _diagnostics;
    private readonly Lexer _lexer;
    private readonly LiteralValidator _literals;
    private readonly BuilderPool<MemberSyntax> _members = new();
    private readonly BuilderPool<ExpressionSyntax> _expressions = new();
    private readonly BuilderPool<ArgumentSyntax> _arguments = new();
    private readonly BuilderPool<SyntaxToken> _separators = new();
    // Lookahead ring; a power of two so that wrapping is a mask, on the hottest path of the parser.
    private const int BufferMask = 3;
    private readonly RawToken[] _buffer = new RawToken[BufferMask + 1];
    private int _bufferStart;
    private int _bufferCount;
    private int _depth;
    private int _previousEnd;
    private int _lastErrorStart = -1;
    private int _lastErrorEnd = -1;

    public Parser(SourceText source, TreeStore store, DiagnosticBag diagnostics)
    {
        _source = source;
        _text = source.Text;
        _store = store;
        _diagnostics = diagnostics;
        _lexer = new Lexer(source, store.Literals, diagnostics);
        _literals = new LiteralValidator(source, store.Literals, diagnostics);
    }

    public CompilationUnitSyntax ParseCompilationUnit()
    {
        var members = _members.Rent();
        while (Current.Kind != SyntaxKind.EndOfFile)
        {
            var before = Current.Start;
            if (ParseTopLevelMember() is { } member)
            {
                members.Add(member);
            }

            if (Current.Start == before && Current.Kind != SyntaxKind.EndOfFile)
            {
                SkipToken();
            }
        }

        return new CompilationUnitSyntax(_members.ToImmutableAndReturn(members), Take());
    }

    /// <summary>A file that is not text: the whole content is kept as skipped trivia of the end-of-file token.</summary>
    public CompilationUnitSyntax SkipEverything()
    {
        while (Current.Kind != SyntaxKind.EndOfFile)
        {
            SkipToken();
        }

        return new CompilationUnitSyntax([], Take());
    }

    // ---- top level -------------------------------------------------------------------------------------------

    private MemberSyntax? ParseTopLevelMember()
    {
        var current = Current;
        switch (current.Kind)
        {
            case SyntaxKind.Semicolon:
                return new EmptyMemberSyntax(Take());
            case SyntaxKind.Identifier when IsText(current, "import")
                                         && (Peek(1).Kind is SyntaxKind.StringLiteral or SyntaxKind.EndOfFile || Peek(1).FirstOnLine):
                return ParseImport();
            case SyntaxKind.Identifier when Peek(1).Kind == SyntaxKind.Equals:
                Report(SyntaxDiagnostics.UnexpectedToken, Span(current),
                    $"attribute `{TextOf(current)}` outside a block", "a declaration such as `host NAME { ... }`");
                return ParseAttribute(blockKind: null);
            case SyntaxKind.Identifier:
                return ParseBlock(topLevel: true);
            default:
                ReportUnexpected(current, "a declaration (os, hardware, app, host, cluster, site, scenario) or `import`");
                SkipToBoundary();
                return null;
        }
    }

    private ImportSyntax ParseImport()
    {
        var keyword = Take(SyntaxKind.ImportKeyword);
        var path = Current.Kind == SyntaxKind.StringLiteral && !Current.FirstOnLine
            ? Take()
            : Missing(SyntaxKind.StringLiteral, "the path of the file to import, as in `import \"catalog.vdl\"`");
        return new ImportSyntax(keyword, path);
    }

    // ---- blocks ----------------------------------------------------------------------------------------------

    private BlockSyntax ParseBlock(bool topLevel)
    {
        var kindToken = Take();
        // Messages (and the kind's text, a string) are built only when reported: most blocks never need them.
        string Display(SyntaxToken? n) => BlockSyntax.FormatDisplayName(kindToken.Text, n);

        SyntaxToken? name = null;
        // A name on the next line is more likely the start of the next member than this block's name.
        if (Current.Kind == SyntaxKind.Identifier && !Current.FirstOnLine)
        {
            name = Take();
        }
        else if (topLevel)
        {
            name = Missing(SyntaxKind.Identifier, $"a name after `{kindToken.Text}`, as in `{kindToken.Text} NAME {{ ... }}`");
        }

        BaseClauseSyntax? baseClause = null;
        if (Current.Kind == SyntaxKind.Colon)
        {
            var colon = Take();
            var baseName = Current.Kind == SyntaxKind.Identifier
                ? Take()
                : Missing(SyntaxKind.Identifier, $"the name of the entry `{kindToken.Text}` is based on, after `:`");
            baseClause = new BaseClauseSyntax(colon, baseName);
        }
        else if (name is not null && Current.Kind == SyntaxKind.Identifier && Peek(1).Kind == SyntaxKind.OpenBrace)
        {
            var colon = Missing(SyntaxKind.Colon, $"`:` before the base `{TextOf(Current)}`");
            baseClause = new BaseClauseSyntax(colon, Take());
        }

        if (Current.Kind != SyntaxKind.OpenBrace)
        {
            var open = Missing(SyntaxKind.OpenBrace, $"`{{` to start the members of {Display(name)}");
            return new BlockSyntax(kindToken, name, baseClause, open, [], _store.AddMissing(SyntaxKind.CloseBrace, _previousEnd));
        }

        var openBrace = Take();
        if (++_depth > MaxDepth)
        {
            Report(SyntaxDiagnostics.NestingTooDeep, openBrace.Span, MaxDepth, "block");
            SkipBalanced(SyntaxKind.OpenBrace, SyntaxKind.CloseBrace);
            _depth--;
            var close = Current.Kind == SyntaxKind.CloseBrace ? Take() : _store.AddMissing(SyntaxKind.CloseBrace, _previousEnd);
            return new BlockSyntax(kindToken, name, baseClause, openBrace, [], close);
        }

        var members = _members.Rent();
        while (Current.Kind is not (SyntaxKind.CloseBrace or SyntaxKind.EndOfFile) && !LooksLikeTopLevelDeclaration(Current))
        {
            var before = Current.Start;
            if (ParseMember(kindToken) is { } member)
            {
                members.Add(member);
            }

            if (Current.Start == before && Current.Kind is not (SyntaxKind.CloseBrace or SyntaxKind.EndOfFile))
            {
                SkipToken();
            }
        }

        _depth--;
        SyntaxToken closeBrace;
        if (Current.Kind == SyntaxKind.CloseBrace)
        {
            closeBrace = Take();
        }
        else
        {
            var display = Display(name);
            Report(SyntaxDiagnostics.UnclosedBlock, new TextSpan(_previousEnd, 0),
                [display, LineOf(openBrace)],
                [new RelatedLocation(new Location(_source, openBrace.Span), $"{display} opens here")]);
            closeBrace = _store.AddMissing(SyntaxKind.CloseBrace, _previousEnd);
        }

        return new BlockSyntax(kindToken, name, baseClause, openBrace, _members.ToImmutableAndReturn(members), closeBrace);
    }

    /// <summary>
    /// A declaration keyword at column 1 inside a block almost always means the block above lost its `}`: stop there,
    /// so that one missing brace is one diagnostic instead of a misparse of the rest of the file.
    /// </summary>
    private bool LooksLikeTopLevelDeclaration(RawToken token) =>
        token.Kind == SyntaxKind.Identifier
        && token.FirstOnLine
        && (token.Start == 0 || _text[token.Start - 1] is '\n' or '\r')
        && Peek(1).Kind is SyntaxKind.Identifier or SyntaxKind.StringLiteral
        && (SyntaxFacts.TopLevelBlockKinds.Contains(TextOf(token)) || IsText(token, "import"));

    private MemberSyntax? ParseMember(SyntaxToken blockKind)
    {
        var current = Current;
        if (current.Kind == SyntaxKind.Semicolon)
        {
            return new EmptyMemberSyntax(Take());
        }

        if (current.Kind != SyntaxKind.Identifier)
        {
            ReportUnexpected(current, "an attribute, a block or `}`");
            SkipToBoundary();
            return null;
        }

        var next = Peek(1);
        if (IsText(current, "at") && next.Kind is SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral && !next.FirstOnLine)
        {
            return ParseScenarioStatement(blockKind);
        }

        switch (next.Kind)
        {
            case SyntaxKind.Equals:
                return ParseAttribute(blockKind);
            case SyntaxKind.OpenBrace or SyntaxKind.Colon:
                return ParseBlock(topLevel: false);
            case SyntaxKind.Identifier when Peek(2).Kind is SyntaxKind.OpenBrace or SyntaxKind.Colon
                                         || (Peek(2).Kind == SyntaxKind.Identifier && Peek(3).Kind == SyntaxKind.OpenBrace):
                return ParseBlock(topLevel: false);
        }

        if (IsText(current, "expect") && next.Kind == SyntaxKind.Identifier && !next.FirstOnLine)
        {
            return ParseExpectStatement(blockKind);
        }

        if (!next.FirstOnLine && next.Kind is SyntaxKind.Identifier or SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral
                or SyntaxKind.StringLiteral or SyntaxKind.OpenBracket or SyntaxKind.Minus)
        {
            // `cores 16`: an attribute that lost its `=`.
            return ParseAttribute(blockKind);
        }

        if (next.FirstOnLine || next.Kind is SyntaxKind.CloseBrace or SyntaxKind.EndOfFile)
        {
            Report(SyntaxDiagnostics.MissingToken, new TextSpan(current.End, 0),
                $"`= VALUE` or `{{ ... }}` after `{TextOf(current)}`");
            SkipToken();
            return null;
        }

        ReportUnexpected(next, $"`=` or `{{` after `{TextOf(current)}`");
        SkipToBoundary();
        return null;
    }

    private AttributeSyntax ParseAttribute(SyntaxToken? blockKind)
    {
        var name = Take();
        var equalsToken = Current.Kind == SyntaxKind.Equals
            ? Take()
            : Missing(SyntaxKind.Equals, $"`=` after `{name.Text}`");
        // A lone name or literal: the attribute keeps the token and makes its node only when asked.
        if (!ValueIsMissing() && IsOneTokenExpression())
        {
            var token = Take();
            if (token.Kind == SyntaxKind.StringLiteral && LiteralValidator.HoldsVersion(name))
            {
                _literals.Check(token, constraint: blockKind is { } kind && LiteralValidator.IsRequires(kind));
            }

            return new AttributeSyntax(name, equalsToken, token);
        }

        return new AttributeSyntax(name, equalsToken, ParseValue());
    }

    /// <summary>Whether <see cref="ParseExpression"/> would make an identifier or a literal expression of the next token alone.</summary>
    private bool IsOneTokenExpression()
    {
        var kind = Current.Kind;
        return kind is SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral or SyntaxKind.StringLiteral
            || (kind == SyntaxKind.Identifier && !(Peek(1).Kind == SyntaxKind.OpenParen && !Peek(1).FirstOnLine));
    }

    /// <summary>An attribute's value; when the next line already starts another member, the value is missing.</summary>
    private ExpressionSyntax ParseValue() =>
        ValueIsMissing()
            ? new MissingExpressionSyntax(Missing(SyntaxKind.Identifier, "a value after `=`"))
            : ParseExpression();

    private bool ValueIsMissing()
    {
        var current = Current;
        return current.Kind is SyntaxKind.CloseBrace or SyntaxKind.EndOfFile
            || (current.FirstOnLine && current.Kind == SyntaxKind.Identifier && Peek(1).Kind is SyntaxKind.Equals or SyntaxKind.OpenBrace);
    }

    // ---- scenario statements ---------------------------------------------------------------------------------

    private ScenarioStatementSyntax ParseScenarioStatement(SyntaxToken blockKind)
    {
        var at = Take(SyntaxKind.AtKeyword);
        if (blockKind.Text != "scenario")
        {
            Report(SyntaxDiagnostics.ScenarioStatementOutsideScenario, at.Span, $"a `{blockKind.Text}` block");
        }

        var from = new LiteralExpressionSyntax(Take());
        SyntaxToken? dotDot = null;
        ExpressionSyntax? to = null;
        if (Current.Kind == SyntaxKind.DotDot)
        {
            dotDot = Take();
            to = Current.Kind is SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral && !Current.FirstOnLine
                ? new LiteralExpressionSyntax(Take())
                : new MissingExpressionSyntax(MissingScenarioPart(SyntaxKind.QuantityLiteral, "expected the end time after `..`, as in `at 2d..3d`"));
        }

        var when = new TimeRangeSyntax(from, dotDot, to);
        ScenarioActionSyntax? action = null;
        var current = Current;
        if (current.Kind == SyntaxKind.Identifier && !current.FirstOnLine)
        {
            var actionKind = SyntaxFacts.ScenarioActionKind(TextOf(current));
            if (actionKind is null)
            {
                Report(SyntaxDiagnostics.BadScenarioStatement, Span(current),
                    $"`{TextOf(current)}` is not a scenario action; expected scale, fail, crash, migrate or patch");
                SkipRestOfLine();
                return new ScenarioStatementSyntax(at, when, null);
            }

            action = ParseAction(actionKind.Value);
            CheckTiming(when, action);
        }
        else
        {
            Report(SyntaxDiagnostics.BadScenarioStatement, new TextSpan(_previousEnd, 0),
                "expected an action after the time: scale, fail, crash, migrate or patch");
        }

        if (Current.Kind is not (SyntaxKind.CloseBrace or SyntaxKind.EndOfFile or SyntaxKind.Semicolon) && !Current.FirstOnLine)
        {
            Report(SyntaxDiagnostics.BadScenarioStatement, Span(Current),
                $"unexpected {Describe(Current)} after its end; one statement per line");
            SkipRestOfLine();
        }

        return new ScenarioStatementSyntax(at, when, action);
    }

    /// <summary>
    /// <c>expect [STATISTIC] METRIC SUBJECT OP VALUE</c>. The words are told apart by their number: three names before
    /// the comparison are a statistic, a metric and a subject; two are a metric and a subject. Which words are metrics
    /// and statistics is checked here (VDL0024); the subject and the value are the checker's.
    /// </summary>
    private ExpectStatementSyntax ParseExpectStatement(SyntaxToken blockKind)
    {
        var expect = Take(SyntaxKind.ExpectKeyword);
        if (blockKind.Text != "scenario")
        {
            Report(SyntaxDiagnostics.ExpectOutsideScenario, expect.Span, $"a `{blockKind.Text}` block");
        }

        SyntaxToken? statistic = null;
        if (IsSameLineIdentifier(Peek(1)) && IsSameLineIdentifier(Peek(2)))
        {
            statistic = Take();
        }

        var metric = Take();
        var metricText = metric.Text;
        var metricKnown = SyntaxFacts.ExpectationMetrics.Contains(metricText);
        if (!metricKnown)
        {
            ReportExpect(metric.Span, $"`{metricText}` is not something an expectation can compare{DidYouMean(metricText, SyntaxFacts.ExpectationMetrics)}; "
                + $"expected {string.Join(", ", SyntaxFacts.ExpectationMetrics)}, as in `expect availability web >= 99.95%`");
        }
        else if (statistic is { } stat)
        {
            if (metricText != SyntaxFacts.MetricWithStatistic)
            {
                ReportExpect(stat.Span, $"`{metricText}` is one figure per run and takes no statistic; only utilization does, as in `expect p95 utilization esx-01 < 80%`");
            }
            else if (!SyntaxFacts.ExpectationStatistics.Contains(stat.Text))
            {
                ReportExpect(stat.Span, $"`{stat.Text}` is not a statistic of utilization{DidYouMean(stat.Text, SyntaxFacts.ExpectationStatistics)}; "
                    + $"expected {string.Join(", ", SyntaxFacts.ExpectationStatistics)}, as in `expect p95 utilization esx-01 < 80%`");
            }
        }

        var subjectWhat = metricText == SyntaxFacts.MetricWithStatistic ? "the host" : "the application";
        var subject = IsSameLineIdentifier(Current)
            ? Take()
            : MissingExpectPart(SyntaxKind.Identifier, $"expected {subjectWhat} after `{metricText}`, as in `expect {metricText} {(metricText == SyntaxFacts.MetricWithStatistic ? "esx-01" : "web")} ...`");

        SyntaxToken comparison;
        if (SyntaxFacts.IsComparison(Current.Kind) && !Current.FirstOnLine)
        {
            comparison = Take();
        }
        else if (Current.Kind == SyntaxKind.Equals && !Current.FirstOnLine)
        {
            // `=` is no comparison here: an equality of measured figures would hold by accident, if ever.
            ReportExpect(Span(Current), "`=` does not compare; expected >=, >, <= or <, as in `expect availability web >= 99.95%`");
            while (Current.Kind == SyntaxKind.Equals && !Current.FirstOnLine)
            {
                SkipToken(); // `==` is one mistake
            }
            comparison = _store.AddMissing(SyntaxKind.GreaterThanEquals, _previousEnd);
        }
        else
        {
            comparison = MissingExpectPart(SyntaxKind.GreaterThanEquals, "expected a comparison (>=, >, <= or <), as in `expect availability web >= 99.95%`");
        }

        ExpressionSyntax threshold = Current.Kind is SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral or SyntaxKind.Minus && !Current.FirstOnLine
            ? ParseExpression()
            : new MissingExpressionSyntax(MissingExpectPart(SyntaxKind.QuantityLiteral,
                $"expected the value to compare with after the comparison, as in `{ExpectExample(metricText)}`"));

        if (Current.Kind is not (SyntaxKind.CloseBrace or SyntaxKind.EndOfFile or SyntaxKind.Semicolon) && !Current.FirstOnLine)
        {
            ReportExpect(Span(Current), $"unexpected {Describe(Current)} after its end; one statement per line");
            SkipRestOfLine();
        }

        return new ExpectStatementSyntax(expect, statistic, metric, subject, comparison, threshold);
    }

    private static string ExpectExample(string metric) => metric switch
    {
        "downtime" => "expect downtime web <= 30m",
        "slowdown" => "expect slowdown web <= 1.2",
        "utilization" => "expect p95 utilization esx-01 < 80%",
        "served" => "expect served billing >= 99%",
        _ => "expect availability web >= 99.95%",
    };

    private static string DidYouMean(string word, IEnumerable<string> candidates) =>
        Text.SpellChecker.Suggest(word, candidates) is { } suggestion ? $" (did you mean `{suggestion}`?)" : string.Empty;

    private static bool IsSameLineIdentifier(in RawToken token) => token.Kind == SyntaxKind.Identifier && !token.FirstOnLine;

    private void ReportExpect(TextSpan span, string message) => Report(SyntaxDiagnostics.BadExpectStatement, span, message);

    /// <summary>As <see cref="MissingScenarioPart"/>, for the parts of an <c>expect</c> statement (VDL0024).</summary>
    private SyntaxToken MissingExpectPart(SyntaxKind kind, string message)
    {
        var current = Current;
        if (current.Kind is SyntaxKind.EndOfFile or SyntaxKind.CloseBrace or SyntaxKind.Semicolon || current.FirstOnLine)
        {
            ReportExpect(new TextSpan(_previousEnd, 0), message);
        }
        else
        {
            ReportExpect(Span(current), $"{message}; found {Describe(current)}");
        }

        return _store.AddMissing(kind, _previousEnd);
    }

    private ScenarioActionSyntax ParseAction(SyntaxKind keywordKind)
    {
        var keyword = Take(keywordKind);
        var word = keyword.Text;
        var targetWhat = keywordKind switch
        {
            SyntaxKind.ScaleKeyword => "the application to scale, as in `scale web 300%`",
            SyntaxKind.FailKeyword => "the host that fails, as in `fail esx-01 for 2h` (or `fail site NAME`)",
            SyntaxKind.CrashKeyword => "the guest that crashes, as in `crash billing-1`",
            SyntaxKind.MigrateKeyword => "the guest to migrate, as in `migrate billing-1 to xen-01`",
            _ => "the host or guest to patch, as in `patch web-01 \"2024.06\"`",
        };
        // `fail site NAME`: `site` followed by a name on the line (`fail site for 2h` fails a host named site).
        var siteKeyword = keywordKind == SyntaxKind.FailKeyword && Current.Kind == SyntaxKind.Identifier && IsText(Current, "site") && !Current.FirstOnLine
            && Peek(1).Kind == SyntaxKind.Identifier && !Peek(1).FirstOnLine && !IsForKeyword(Peek(1))
            ? Take(SyntaxKind.SiteKeyword)
            : (SyntaxToken?)null;
        var target = Current.Kind == SyntaxKind.Identifier && !Current.FirstOnLine
            ? Take()
            : MissingScenarioPart(SyntaxKind.Identifier, $"expected {targetWhat}");

        switch (keywordKind)
        {
            case SyntaxKind.ScaleKeyword:
            {
                ExpressionSyntax amount = Current.Kind is SyntaxKind.QuantityLiteral or SyntaxKind.NumberLiteral && !Current.FirstOnLine
                    ? new LiteralExpressionSyntax(Take())
                    : new MissingExpressionSyntax(MissingScenarioPart(SyntaxKind.QuantityLiteral,
                        $"expected a percentage after `{word} {target.Text}`, as in `scale web 300%`"));
                return new ScaleActionSyntax(keyword, target, amount, ParseForClause("scale web 300% for 6h"));
            }

            case SyntaxKind.FailKeyword:
                return new FailActionSyntax(keyword, target, ParseForClause(siteKeyword is null ? "fail esx-01 for 2h" : "fail site dc-east for 2h"), siteKeyword);

            case SyntaxKind.CrashKeyword:
                return new CrashActionSyntax(keyword, target);

            case SyntaxKind.MigrateKeyword:
            {
                var toKeyword = Current.Kind == SyntaxKind.Identifier && IsText(Current, "to") && !Current.FirstOnLine
                    ? Take(SyntaxKind.ToKeyword)
                    : MissingScenarioPart(SyntaxKind.ToKeyword, $"expected `to HOST` after `migrate {target.Text}`");
                var destination = Current.Kind == SyntaxKind.Identifier && !Current.FirstOnLine
                    ? Take()
                    : MissingScenarioPart(SyntaxKind.Identifier, "expected the host to migrate to, as in `migrate billing-1 to xen-01`");
                return new MigrateActionSyntax(keyword, target, toKeyword, destination);
            }

            default:
            {
                var level = Current.Kind == SyntaxKind.StringLiteral && !Current.FirstOnLine
                    ? Take()
                    : MissingScenarioPart(SyntaxKind.StringLiteral, $"expected the patch level as a string after `patch {target.Text}`, as in `\"2024.06\"`");
                if (!level.IsMissing)
                {
                    _literals.Check(level, constraint: false);
                }

                return new PatchActionSyntax(keyword, target, level);
            }
        }
    }

    /// <summary>An optional <c>for DURATION</c> after the actions that last (scale, fail).</summary>
    private ForClauseSyntax? ParseForClause(string example)
    {
        if (!IsForKeyword(Current))
        {
            return null;
        }

        var forKeyword = Take(SyntaxKind.ForKeyword);
        ExpressionSyntax duration = Current.Kind is SyntaxKind.QuantityLiteral or SyntaxKind.NumberLiteral && !Current.FirstOnLine
            ? new LiteralExpressionSyntax(Take())
            : new MissingExpressionSyntax(MissingScenarioPart(SyntaxKind.QuantityLiteral, $"expected a duration after `for`, as in `{example}`"));
        return new ForClauseSyntax(forKeyword, duration);
    }

    private bool IsForKeyword(in RawToken token) => token.Kind == SyntaxKind.Identifier && IsText(token, "for") && !token.FirstOnLine;

    private string SourceOf(TextSpan span) => _text.Substring(span.Start, span.Length);

    /// <summary>
    /// How long an action lasts is said once: by an end time (<c>at 2d..3d</c>) or by <c>for</c>, and only for the
    /// actions that last (scale, fail). Crash, migrate and patch happen at one time and end on their own (VDL0023).
    /// </summary>
    private void CheckTiming(TimeRangeSyntax when, ScenarioActionSyntax action)
    {
        var forClause = action switch
        {
            ScaleActionSyntax scale => scale.ForClause,
            FailActionSyntax fail => fail.ForClause,
            _ => null,
        };
        var word = action.Keyword.Text;
        if (action is ScaleActionSyntax or FailActionSyntax)
        {
            if (when.DotDot is not null && when.To is LiteralExpressionSyntax && forClause is { Duration: LiteralExpressionSyntax })
            {
                Report(SyntaxDiagnostics.EndAndDuration, forClause.Span, SourceOf(when.Span), action is FailActionSyntax ? "outage" : "scale", SourceOf(forClause.Span));
            }

            return;
        }

        if (when.DotDot is { } range)
        {
            var end = when.To is LiteralExpressionSyntax to ? to.Span.End : range.Span.End;
            var span = TextSpan.FromBounds(range.Span.Start, end);
            Report(SyntaxDiagnostics.TimingOnInstantAction, span, word, $"an end time (`{SourceOf(span)}`)");
        }
        else if (IsForKeyword(Current))
        {
            Report(SyntaxDiagnostics.TimingOnInstantAction, Span(Current), word, "a duration (`for`)");
            SkipRestOfLine();
        }
    }

    private SyntaxToken MissingScenarioPart(SyntaxKind kind, string message)
    {
        var current = Current;
        if (current.Kind is SyntaxKind.EndOfFile or SyntaxKind.CloseBrace or SyntaxKind.Semicolon || current.FirstOnLine)
        {
            Report(SyntaxDiagnostics.BadScenarioStatement, new TextSpan(_previousEnd, 0), message);
        }
        else
        {
            Report(SyntaxDiagnostics.BadScenarioStatement, Span(current), $"{message}; found {Describe(current)}");
        }

        return _store.AddMissing(kind, _previousEnd);
    }

    // ---- expressions -----------------------------------------------------------------------------------------

    private ExpressionSyntax ParseExpression()
    {
        var current = Current;
        switch (current.Kind)
        {
            case SyntaxKind.Identifier:
            {
                var identifier = Take();
                return Current.Kind == SyntaxKind.OpenParen && !Current.FirstOnLine
                    ? ParseCall(identifier)
                    : new IdentifierExpressionSyntax(identifier);
            }

            case SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral or SyntaxKind.StringLiteral:
                return new LiteralExpressionSyntax(Take());

            case SyntaxKind.Minus:
            {
                var minus = Take();
                ExpressionSyntax operand = Current.Kind is SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral
                    ? new LiteralExpressionSyntax(Take())
                    : new MissingExpressionSyntax(Missing(SyntaxKind.NumberLiteral, "a number after `-`"));
                return new UnaryExpressionSyntax(minus, operand);
            }

            case SyntaxKind.OpenBracket:
                return ParseList();

            case SyntaxKind.CloseBrace or SyntaxKind.EndOfFile:
                return new MissingExpressionSyntax(Missing(SyntaxKind.Identifier, "a value"));

            default:
                ReportUnexpected(current, "a value (a name, a number, a quantity, a string, a list or a call)");
                return new MissingExpressionSyntax(_store.AddMissing(SyntaxKind.Identifier, _previousEnd));
        }
    }

    // ---- recovery --------------------------------------------------------------------------------------------

    /// <summary>Skips at least one token, then up to the next line start, `}` or end; a skipped `{ ... }` is skipped whole.</summary>
    private void SkipToBoundary()
    {
        do
        {
            if (Current.Kind == SyntaxKind.OpenBrace)
            {
                SkipToken();
                SkipBalanced(SyntaxKind.OpenBrace, SyntaxKind.CloseBrace);
                if (Current.Kind == SyntaxKind.CloseBrace)
                {
                    SkipToken();
                }

                continue;
            }

            SkipToken();
        }
        while (Current.Kind is not (SyntaxKind.EndOfFile or SyntaxKind.CloseBrace) && !Current.FirstOnLine);
    }

    private void SkipRestOfLine()
    {
        while (Current.Kind is not (SyntaxKind.EndOfFile or SyntaxKind.CloseBrace) && !Current.FirstOnLine)
        {
            SkipToken();
        }
    }

    /// <summary>Skips to the `close` that balances an `open` already taken, leaving it current (iterative: no recursion).</summary>
    private void SkipBalanced(SyntaxKind open, SyntaxKind close)
    {
        var depth = 0;
        while (Current.Kind != SyntaxKind.EndOfFile)
        {
            if (Current.Kind == close)
            {
                if (depth == 0)
                {
                    return;
                }

                depth--;
            }
            else if (Current.Kind == open)
            {
                depth++;
            }

            SkipToken();
        }
    }

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] arguments) =>
        Report(descriptor, span, arguments, []);

    /// <summary>An unexpected token; a run of characters that start no token gets its own code (VDL0006).</summary>
    private void ReportUnexpected(RawToken token, string expected)
    {
        if (token.Kind == SyntaxKind.BadToken)
        {
            Report(SyntaxDiagnostics.UnexpectedCharacter, Span(token), Describe(token), expected);
        }
        else
        {
            Report(SyntaxDiagnostics.UnexpectedToken, Span(token), Describe(token), expected);
        }
    }

    /// <summary>Reports unless an earlier error already covers this place: errors must move forward, never pile up.</summary>
    private void Report(DiagnosticDescriptor descriptor, TextSpan span, object[] arguments, ImmutableArray<RelatedLocation> related)
    {
        if (span.Start < _lastErrorEnd || span.Start == _lastErrorStart)
        {
            return;
        }

        _lastErrorStart = span.Start;
        _lastErrorEnd = span.End;
        _diagnostics.Add(new Diagnostic(descriptor, new Location(_source, span), arguments, related));
    }

    // ---- tokens ----------------------------------------------------------------------------------------------

    // By reference: the parser reads Current.Kind many times per token, and the token is a 24-byte struct.
    private ref readonly RawToken Current => ref Peek(0);

    private ref readonly RawToken Peek(int offset)
    {
        while (_bufferCount <= offset)
        {
            // After the end, the end-of-file token repeats.
            var last = (_bufferStart + _bufferCount - 1) & BufferMask;
            var token = _bufferCount > 0 && _buffer[last].Kind == SyntaxKind.EndOfFile ? _buffer[last] : _lexer.Next();
            _buffer[(_bufferStart + _bufferCount) & BufferMask] = token;
            _bufferCount++;
        }

        return ref _buffer[(_bufferStart + offset) & BufferMask];
    }

    private void Advance()
    {
        _bufferStart = (_bufferStart + 1) & BufferMask;
        _bufferCount--;
    }

    /// <summary>Takes the current token; tokens skipped before it become its leading (skipped-token) trivia.</summary>
    private SyntaxToken Take(SyntaxKind? asKind = null)
    {
        var raw = Current;
        if (raw.Kind != SyntaxKind.EndOfFile)
        {
            Advance();
        }

        _previousEnd = raw.End;
        // Its leading trivia start where the last token taken ended, so tokens skipped since are among them.
        return _store.AddToken(asKind ?? raw.Kind, raw.Start, raw.Width, raw.FullEnd);
    }

    private void SkipToken()
    {
        var raw = Current;
        if (raw.Kind == SyntaxKind.EndOfFile)
        {
            return;
        }

        Advance();
        _store.AddSkipped(new TextSpan(raw.Start, raw.Width));
    }

    private SyntaxToken Missing(SyntaxKind kind, string expected)
    {
        var current = Current;
        // A missing token is reported right after the previous token (where it belongs), unless the current token
        // is on the same line and plainly wrong, in which case pointing at it says more.
        if (current.Kind is SyntaxKind.EndOfFile or SyntaxKind.CloseBrace || current.FirstOnLine)
        {
            Report(SyntaxDiagnostics.MissingToken, new TextSpan(_previousEnd, 0), expected);
        }
        else
        {
            ReportUnexpected(current, expected);
        }

        return _store.AddMissing(kind, _previousEnd);
    }

    private static TextSpan Span(RawToken token) => new(token.Start, token.Width);

    private int LineOf(SyntaxToken token) => _source.GetLinePosition(token.Span.Start).Line;

    private string TextOf(RawToken token) => _text.Substring(token.Start, token.Width);

    private bool IsText(RawToken token, string word) => _text.AsSpan(token.Start, token.Width).SequenceEqual(word);

    private string Describe(RawToken token)
    {
        switch (token.Kind)
        {
            case SyntaxKind.EndOfFile:
                return "end of file";
            case SyntaxKind.BadToken:
            {
                var c = _text[token.Start];
                var shown = char.IsControl(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : c.ToString();
                return $"character `{shown}`";
            }

            default:
            {
                var text = token.Width > 24 ? _text.Substring(token.Start, 24) + "…" : TextOf(token);
                return $"`{text}`";
            }
        }
    }
}
