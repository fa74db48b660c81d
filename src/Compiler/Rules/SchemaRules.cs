using VirtLang.Compiler.Binding;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Schema;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;

namespace VirtLang.Compiler.Rules;

/// <summary>
/// The VDL1xxx family against <see cref="ModelSchema"/>: every block where it may stand, named as it must be, with
/// known attributes of the right type, dimension and range, its required attributes, and references that resolve to
/// a declaration of the right kind. Did-you-mean wherever a name is unknown.
/// </summary>
internal sealed class SchemaRules(SymbolTable symbols, List<Diagnostic> diagnostics)
{
    public void Check(ModelFile file)
    {
        foreach (var block in file.Tree.Root.Blocks)
        {
            CheckBlock(file, block, parent: null, parentBlock: null);
        }
    }

    // Messages are formatted only when something is reported: a large model has a hundred thousand blocks that are fine.
    private void CheckBlock(ModelFile file, BlockSyntax block, BlockSchema? parent, BlockSyntax? parentBlock, int depth = 0)
    {
        var kind = BlockKinds.Of(block);
        var isAllowed = parent is null ? ModelSchema.TopLevelKinds.Contains(kind) : parent.Children.ContainsKey(kind);
        if (!isAllowed || !ModelSchema.Blocks.TryGetValue(kind, out var schema))
        {
            IReadOnlyList<string> allowed = parent is null ? ModelSchema.TopLevelKinds : [.. parent.Children.Keys];
            var parentDisplay = parentBlock?.DisplayName ?? "the file";
            var where = parent is null ? "at the top of a file" : $"in {parentDisplay}";
            var rest = parent is null
                ? "the declarations are " + string.Join(", ", allowed)
                : allowed.Count == 0 ? $"{parentDisplay} has no blocks inside" : $"{parentDisplay} may contain " + string.Join(", ", allowed);
            Report(CompilerDiagnostics.BlockNotAllowed, file, block.KindToken.Span, kind, where, DidYouMean(kind, allowed), rest);
            return;
        }

        if (schema.Named && block.Name is null)
        {
            Report(CompilerDiagnostics.BlockName, file, block.KindToken.Span, kind, "needs a name", $"write `{kind} NAME {{ ... }}`");
        }
        else if (!schema.Named && block.Name is { } unwanted)
        {
            Report(CompilerDiagnostics.BlockName, file, unwanted.Span, kind, "takes no name", $"remove `{unwanted.Text}`");
        }

        if (block.BaseClause is { BaseName: { IsMissing: false } baseName })
        {
            if (block.Name is { } own && own.Text == baseName.Text)
            {
                Report(CompilerDiagnostics.SelfBase, file, baseName.Span, baseName.Text);
            }
            else
            {
                CheckReference(file, baseName, BaseKinds(kind), "base", block);
            }
        }

        var seen = Cleared(_seen, depth);
        var byName = schema.Attributes.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var member in block.Members)
        {
            if (member is not AttributeSyntax attribute)
            {
                continue;
            }

            if (!byName.TryGetValue(attribute.Name.TextAsSpan, out var attributeSchema))
            {
                var name = attribute.Name.Text;
                ReportWithFix(CompilerDiagnostics.UnknownAttribute, file, attribute.Name.Span, name, schema.Attributes.Keys, [name, kind, DidYouMean(name, schema.Attributes.Keys)]);
                continue;
            }

            if (!seen.Add(attributeSchema.Name))
            {
                Report(CompilerDiagnostics.DuplicateAttribute, file, attribute.Name.Span, attributeSchema.Name, block.DisplayName);
                continue;
            }

            CheckValue(file, attribute.ValueView, attributeSchema.Type, attributeSchema.Name);
        }

        // With a base, the base may provide what is required: the binder checks the effective values.
        if (block.BaseClause is null)
        {
            var requiredAttributes = schema.RequiredAttributes;
            for (var i = 0; i < requiredAttributes.Count; i++)
            {
                var required = requiredAttributes[i];
                if (!seen.Contains(required.Name))
                {
                    var at = block.Name is { IsMissing: false } n ? n.Span : block.KindToken.Span;
                    Report(CompilerDiagnostics.MissingAttribute, file, at, [AddAttributeFix(file, block, required)], block.DisplayName, required.Name, required.Type.Description);
                }
            }
        }

        var once = Cleared(_once, depth);
        foreach (var member in block.Members)
        {
            switch (member)
            {
                case BlockSyntax child:
                    var childKind = BlockKinds.Of(child);
                    if (schema.Children.TryGetValue(childKind, out var repeats) && !repeats && !once.Add(childKind))
                    {
                        Report(CompilerDiagnostics.RepeatedBlock, file, child.KindToken.Span, block.DisplayName, childKind);
                    }

                    CheckBlock(file, child, schema, block, depth + 1);
                    break;
                case ScenarioStatementSyntax statement:
                    CheckStatement(file, statement);
                    break;
                case ExpectStatementSyntax expect:
                    CheckExpectation(file, expect);
                    break;
            }
        }
    }

    // One set of seen attribute names, and one of the child kinds that may appear once, per nesting depth, reused
    // from block to block.
    private readonly List<HashSet<string>> _seen = [];
    private readonly List<HashSet<string>> _once = [];

    private static HashSet<string> Cleared(List<HashSet<string>> sets, int depth)
    {
        while (sets.Count <= depth)
        {
            sets.Add(new HashSet<string>(StringComparer.Ordinal));
        }

        var set = sets[depth];
        set.Clear();
        return set;
    }

    private static bool Contains(IReadOnlyList<string> words, SyntaxToken token)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (token.TextEquals(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The kind a base must have, as the schema says (a host's is a hardware).</summary>
    private static string[] BaseKinds(string kind) => [ModelSchema.BaseKindOf(kind)];

    private void CheckStatement(ModelFile file, ScenarioStatementSyntax statement)
    {
        var time = new QuantityType(Dimension.Time, Minimum: 0, Example: "4d12h");
        CheckTime(file, statement.When.From, time);
        if (statement.When.To is { } to)
        {
            CheckTime(file, to, time);
        }

        // The kinds of targets are the schema's (ScenarioStatementSchema), which completion offers too.
        if (statement.Action is not { } action || ScenarioStatementSchema.Action(action.Keyword.Text) is not { } schema)
        {
            return;
        }

        switch (action)
        {
            case ScaleActionSyntax scale:
                CheckReference(file, scale.Target, schema.TargetKinds, "scale");
                CheckValue(file, scale.Amount, new QuantityType(Dimension.Ratio, Minimum: 0, Example: "300%"), "scale");
                break;
            case FailActionSyntax fail:
                var site = fail.IsSiteFailure ? schema.Modifier : null;
                CheckReference(file, fail.Target, site?.Kinds ?? schema.TargetKinds, site is null ? "fail" : "fail " + site.Keyword.Word);
                if (fail.ForClause is { } forClause)
                {
                    CheckValue(file, forClause.Duration, time, "for");
                }

                break;
            case MigrateActionSyntax migrate:
                CheckReference(file, migrate.Target, schema.TargetKinds, "migrate");
                CheckReference(file, migrate.Destination, schema.Destination!.Kinds, "migrate ... to");
                break;
            default:
                CheckReference(file, action.Target, schema.TargetKinds, schema.Word);
                break;
        }
    }

    /// <summary>
    /// An <c>expect</c> statement's subject has the metric's kind (an app; a host, or a host's copy, for utilization) and
    /// its value the metric's unit (a percentage, a time, a number), not below zero. Unknown words were the parser's (VDL0024).
    /// </summary>
    private void CheckExpectation(ModelFile file, ExpectStatementSyntax expect)
    {
        if (Lowering.ExpectationReader.Metric(expect.Metric) is not { } metric)
        {
            return;
        }

        var usedBy = $"expect {expect.Metric.Text}";
        IReadOnlyList<string> subjectKinds = [ScenarioStatementSchema.SubjectKind(expect.Metric.Text)];
        CheckReference(file, expect.Subject, subjectKinds, usedBy);
        if (metric == Runtime.Scenarios.ExpectationMetric.Utilization)
        {
            if (!expect.Subject.IsMissing && symbols.Find(expect.Subject.TextAsSpan) is { Kind: "host", Count: > 1 } counted && counted.Name == expect.Subject.Text)
            {
                diagnostics.Add(new Diagnostic(CompilerDiagnostics.ExpectationOnCountedHost, new Location(file.Tree.Text, expect.Subject.Span),
                    [counted.Name, counted.Count, Lowering.ExpectationReader.Text(expect).Replace($" {counted.Name} ", $" {counted.Name}-1 ", StringComparison.Ordinal)],
                    [new RelatedLocation(counted.Location, $"`{counted.Name}` is declared here, with `count = {counted.Count}`")]));
            }
        }

        Schema.ValueType type = metric switch
        {
            Runtime.Scenarios.ExpectationMetric.Downtime => new QuantityType(Dimension.Time, Minimum: 0, Example: "30m"),
            Runtime.Scenarios.ExpectationMetric.Slowdown => new NumberType(Minimum: 0),
            _ => new QuantityType(Dimension.Ratio, Minimum: 0, Example: Lowering.ExpectationReader.Example(metric)),
        };
        CheckValue(file, expect.Threshold, type, usedBy);
    }

    /// <summary>A scenario time: a time quantity, or the plain number 0 (the start).</summary>
    private void CheckTime(ModelFile file, ExpressionSyntax expression, QuantityType time)
    {
        if (expression is LiteralExpressionSyntax { Literal: { Kind: SyntaxKind.NumberLiteral } zero } && zero.QuantityValue.Value.Value == 0)
        {
            return;
        }

        CheckValue(file, expression, time, "at");
    }

    // Through the value's view: a one-token value is checked on its token, so the check makes no node for it.
    private void CheckValue(ModelFile file, ValueView value, Schema.ValueType type, string attribute)
    {
        if (value.Node is MissingExpressionSyntax || IsMalformedNumber(value))
        {
            return; // a syntax error, already reported by the front-end
        }

        switch (type)
        {
            case ListType list when value.Node is ListExpressionSyntax elements:
                for (var i = 0; i < elements.ElementCount; i++)
                {
                    CheckValue(file, elements.ElementView(i), list.Element, attribute);
                }

                return;
            case EnumType words when value.Identifier is { } word:
                if (!Contains(words.Words, word))
                {
                    ReportWithFix(CompilerDiagnostics.UnknownWord, file, word.Span, word.Text, words.Words,
                        [word.Text, attribute, DidYouMean(word.Text, words.Words), string.Join(", ", words.Words)]);
                }

                return;
            case ReferenceType reference when value.Identifier is { } name:
                CheckReference(file, name, reference.Kinds, attribute);
                return;
            case WordType when value.Identifier is not null:
            case StringType when value.Literal is { Kind: SyntaxKind.StringLiteral }:
                return;
            case CallType calls when value.Node is CallExpressionSyntax call:
                if (!calls.Functions.Contains(call.Name.Text))
                {
                    ReportWithFix(CompilerDiagnostics.UnknownWord, file, call.Name.Span, call.Name.Text, calls.Functions,
                        [call.Name.Text, attribute, DidYouMean(call.Name.Text, calls.Functions), string.Join(", ", calls.Functions)]);
                }
                else if (ProfileSignatures.All.TryGetValue(call.Name.Text, out var parameters))
                {
                    CheckProfileArguments(file, call, parameters);
                }

                return;
            case NumberType or QuantityType when Numeric(value) is { } numeric:
                CheckNumber(file, value, type, attribute, numeric);
                return;
        }

        Report(CompilerDiagnostics.WrongType, file, value.Span, attribute, type.Description, Describe(value));
    }

    /// <summary>VDL1018: each argument names a parameter of the profile (or stands in its position), once, with the right dimension; the required ones are there.</summary>
    private void CheckProfileArguments(ModelFile file, CallExpressionSyntax call, IReadOnlyList<ProfileParameter> parameters)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        var unknown = false;
        var names = parameters.Select(p => p.Name).ToList();
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            var argument = call.Arguments[i];
            ProfileParameter? parameter;
            if (argument.Name is { } name)
            {
                parameter = parameters.FirstOrDefault(p => p.Name == name.Text);
                if (parameter is null)
                {
                    unknown = true;
                    var suggestion = SpellChecker.Suggest(name.Text, names);
                    Report(CompilerDiagnostics.ProfileArgument, file, name.Span, suggestion is null ? [] : [DiagnosticFix.Replace($"Change to `{suggestion}`", new Location(file.Tree.Text, name.Span), suggestion)],
                        call.Name.Text, $"it has no argument `{name.Text}`{DidYouMean(name.Text, names)}; its arguments are {string.Join(", ", names)}");
                    continue;
                }
            }
            else if (i < parameters.Count)
            {
                parameter = parameters[i];
            }
            else
            {
                Report(CompilerDiagnostics.ProfileArgument, file, argument.Span, [],
                    call.Name.Text, $"it takes at most {parameters.Count} argument{(parameters.Count == 1 ? string.Empty : "s")} ({string.Join(", ", names)})");
                continue;
            }

            if (!given.Add(parameter.Name))
            {
                Report(CompilerDiagnostics.ProfileArgument, file, argument.Span, [], call.Name.Text, $"`{parameter.Name}` is given twice");
                continue;
            }

            Schema.ValueType type = parameter.Dimension switch
            {
                Dimension.Ratio => new QuantityType(Dimension.Ratio, Minimum: 0, Example: "70%"),
                Dimension.Time => new QuantityType(Dimension.Time, Minimum: 0, Example: "6h"),
                _ => new StringType("a file name such as \"load.csv\""),
            };
            CheckValue(file, argument.Value, type, parameter.Name);
        }

        if (!unknown)
        {
            foreach (var missing in parameters.Where(p => p.Required && !given.Contains(p.Name)))
            {
                Report(CompilerDiagnostics.ProfileArgument, file, call.Name.Span, [],
                    call.Name.Text, $"`{missing.Name}` ({missing.Help}) is missing, as in {Example(call.Name.Text, parameters)}");
            }
        }
    }

    private static string Example(string function, IReadOnlyList<ProfileParameter> parameters) =>
        $"`{function}({string.Join(", ", parameters.Where(p => p.Required).Select(p => $"{p.Name} = {(p.Dimension == Dimension.Ratio ? "50%" : p.Dimension == Dimension.Time ? "6h" : "\"load.csv\"")}"))})`";

    private void CheckNumber(ModelFile file, ValueView value, Schema.ValueType type, string attribute, Number numeric)
    {
        var quantity = numeric.Value;
        var (dimension, minimum, whole, maximum) = type switch
        {
            QuantityType q => (q.Dimension, q.Minimum, false, q.Maximum),
            NumberType n => (Dimension.None, n.Minimum, n.Whole, n.Maximum),
            _ => (Dimension.None, (double?)null, false, (double?)null),
        };

        if (quantity.Dimension != dimension)
        {
            Report(CompilerDiagnostics.WrongType, file, value.Span, attribute, type.Description, Describe(value));
            return;
        }

        if (minimum is { } min && quantity.Value < min)
        {
            Report(CompilerDiagnostics.OutOfRange, file, value.Span, attribute, numeric.Text, $"it must be at least {QuantityText.Format(min, dimension)}");
        }
        else if (maximum is { } max && quantity.Value > max)
        {
            Report(CompilerDiagnostics.OutOfRange, file, value.Span, attribute, numeric.Text, $"it must be at most {QuantityText.Format(max, dimension)}");
        }
        else if (whole && quantity.Value != Math.Floor(quantity.Value))
        {
            Report(CompilerDiagnostics.OutOfRange, file, value.Span, attribute, numeric.Text, "it must be a whole number");
        }
    }

    /// <summary>A number or quantity as written; its text is made only for a message.</summary>
    private readonly record struct Number(Quantity Value, SyntaxToken Token, bool Negative)
    {
        public string Text => (Negative ? "-" : string.Empty) + Token.Text;
    }

    /// <summary>The value of a (possibly negated) number or quantity literal, when it is well formed.</summary>
    private Number? Numeric(ValueView value)
    {
        if (NumericLiteral.Of(value) is not var (token, negative))
        {
            return null;
        }

        var sign = negative ? -1 : 1;
        var parsed = token.QuantityValue;
        return parsed.Success ? new Number(parsed.Value with { Value = sign * parsed.Value.Value }, token, sign < 0) : null;
    }

    private bool IsMalformedNumber(ValueView value) =>
        value.Literal is { Kind: SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral } literal && !literal.QuantityValue.Success;

    /// <param name="usedBy">The attribute or action that holds the reference (quoted in messages), or "base" with <paramref name="baseOf"/>.</param>
    private void CheckReference(ModelFile file, SyntaxToken name, IReadOnlyList<string> kinds, string usedBy, BlockSyntax? baseOf = null)
    {
        if (name.IsMissing)
        {
            return;
        }

        var symbol = symbols.Find(name.TextAsSpan);
        if (symbol is null)
        {
            var candidates = Declared(kinds);
            ReportWithFix(CompilerDiagnostics.UnknownReference, file, name.Span, name.Text, candidates, [name.Text, DidYouMean(name.Text, candidates)]);
            return;
        }

        if (!kinds.Contains(symbol.Kind))
        {
            diagnostics.Add(new Diagnostic(CompilerDiagnostics.WrongKindReference, new Location(file.Tree.Text, name.Span),
                [name.Text, ReferenceType.KindsText([symbol.Kind]), baseOf is null ? $"`{usedBy}`" : $"the base of {baseOf.DisplayName}", ReferenceType.KindsText(kinds)],
                [new RelatedLocation(symbol.Location, $"`{symbol.Name}` is declared here, as {symbol.Kind}")]));
        }
    }

    // Apart from CheckReference: a lambda there capturing `kinds` made a closure on every reference checked, resolved or not.
    private List<string> Declared(IReadOnlyList<string> kinds) =>
        [.. symbols.All.Where(s => kinds.Contains(s.Kind)).Select(s => s.Name).Order(StringComparer.Ordinal)];

    private string Describe(ValueView value) => value switch
    {
        { Literal: { Kind: SyntaxKind.StringLiteral } l } => $"a string ({l.Text})",
        { Identifier: { } i } => $"a name (`{i.Text}`)",
        { Node: ListExpressionSyntax } => "a list",
        { Node: CallExpressionSyntax c } => $"a call of `{c.Name.Text}`",
        _ when Numeric(value) is { } n => n.Value.Dimension == Dimension.None
            ? $"a number ({n.Text})"
            : $"a {n.Value.Dimension.ToString().ToLowerInvariant()} quantity ({n.Text})",
        _ => "this value",
    };

    private static string DidYouMean(string input, IEnumerable<string> candidates) =>
        SpellChecker.Suggest(input, candidates) is { } suggestion ? $" (did you mean `{suggestion}`?)" : string.Empty;

    private void Report(DiagnosticDescriptor descriptor, ModelFile file, TextSpan span, params object[] arguments) =>
        diagnostics.Add(new Diagnostic(descriptor, new Location(file.Tree.Text, span), arguments));

    private void Report(DiagnosticDescriptor descriptor, ModelFile file, TextSpan span, DiagnosticFix[] fixes, params object[] arguments) =>
        diagnostics.Add(new Diagnostic(descriptor, new Location(file.Tree.Text, span), arguments, fixes: [.. fixes]));

    /// <summary>Reports an unknown name with its did-you-mean, if any, as a fix that replaces it.</summary>
    private void ReportWithFix(DiagnosticDescriptor descriptor, ModelFile file, TextSpan span, string input, IEnumerable<string> candidates, object[] arguments)
    {
        var suggestion = SpellChecker.Suggest(input, candidates);
        var location = new Location(file.Tree.Text, span);
        DiagnosticFix[] fixes = suggestion is null ? [] : [DiagnosticFix.Replace($"Change to `{suggestion}`", location, suggestion)];
        Report(descriptor, file, span, fixes, arguments);
    }

    /// <summary>Adds <c>name = example</c> as the block's first member, on its own line, indented like the block's members.</summary>
    private static DiagnosticFix AddAttributeFix(ModelFile file, BlockSyntax block, AttributeSchema required)
    {
        var text = file.Tree.Text;
        var braceEnd = block.OpenBrace.Span.End;
        var line = text.GetLinePosition(block.KindToken.Span.Start);
        var indent = new string(' ', line.Column - 1 + 2);
        var example = required.Type switch
        {
            QuantityType q => q.Example,
            EnumType e => e.Words[0],
            NumberType => "1",
            _ => "\"\"",
        };
        var newline = text.DominantLineBreak;
        return new DiagnosticFix($"Add `{required.Name} = {example}`", [new TextEdit(new Location(text, new TextSpan(braceEnd, 0)), $"{newline}{indent}{required.Name} = {example}")]);
    }
}
