using VirtLang.Language.Syntax;
using VirtLang.Language.Text;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// Where the cursor is, as the recovering parser's tree says (<see cref="CompletionContextFinder"/>): the cases of what
/// may be written there. <see cref="CompletionProvider"/> turns each into items from the schema and the model.
/// </summary>
internal abstract record CompletionContext
{
    /// <summary>Nothing to offer: in a comment or a string, or after something that takes no completion.</summary>
    public sealed record None : CompletionContext;

    /// <summary>At the start of a member, in <paramref name="Block"/> (null: at the top of the file).</summary>
    public sealed record MemberStart(BlockSyntax? Block) : CompletionContext;

    /// <summary>After <c>KIND NAME :</c>: the base of a block of <paramref name="BlockKind"/>, which is not the block itself (<paramref name="OwnName"/>).</summary>
    public sealed record BaseClause(string BlockKind, string OwnName) : CompletionContext;

    /// <summary>
    /// The value of <paramref name="Attribute"/> in <paramref name="Block"/>, or with <paramref name="InList"/> an
    /// element of its list; <paramref name="Word"/> is what is typed of it before the cursor (<c>64G</c>).
    /// </summary>
    public sealed record AttributeValue(BlockSyntax Block, AttributeSyntax Attribute, bool InList, TextSpan Word) : CompletionContext;

    /// <summary>After the time of <c>at TIME</c> in a scenario: the action.</summary>
    public sealed record ScenarioAction : CompletionContext;

    /// <summary>After the word of <paramref name="Action"/>: its target (or its modifier, <c>fail site</c>).</summary>
    public sealed record ActionTarget(string Action) : CompletionContext;

    /// <summary>After the modifier of <paramref name="Action"/> (<c>fail site</c>): a target of the modifier's kinds.</summary>
    public sealed record ModifiedTarget(string Action) : CompletionContext;

    /// <summary>After the target of <paramref name="Action"/> that takes a destination (<c>migrate GUEST</c>): the word before it.</summary>
    public sealed record DestinationKeyword(string Action) : CompletionContext;

    /// <summary>After the destination's word of <paramref name="Action"/> (<c>migrate GUEST to</c>): the destination.</summary>
    public sealed record Destination(string Action) : CompletionContext;

    /// <summary>In an <c>expect</c> statement of a scenario, after <paramref name="Words"/> (its statistic, metric, subject as written).</summary>
    public sealed record Expectation(IReadOnlyList<string> Words) : CompletionContext;
}
