using System.Text;

namespace VirtLang.Compiler.Schema;

/// <summary>The schema as Markdown, for docs/language.md (a test keeps the page and the code in step).</summary>
public static class SchemaDocumentation
{
    public static string ToMarkdown()
    {
        var sb = new StringBuilder();
        foreach (var block in ModelSchema.Blocks.Values.OrderBy(b => Order(b.Kind)))
        {
            var name = block.Named ? $"{block.Kind} NAME" : block.Kind;
            sb.Append("### `").Append(name).Append(" { }`");
            if (block.Help.Length > 0)
            {
                sb.Append(": ").Append(block.Help);
            }

            sb.Append("\n\n");
            if (block.Children.Count > 0)
            {
                sb.Append("Blocks inside: ")
                    .Append(string.Join(", ", block.Children.Select(c => $"`{c.Key}`" + (c.Value ? " (any number)" : " (one)"))))
                    .Append(".\n\n");
            }

            if (block.Attributes.Count > 0)
            {
                sb.Append("| attribute | type | range | required | meaning |\n|---|---|---|---|---|\n");
                foreach (var attribute in block.Attributes.Values)
                {
                    sb.Append("| `").Append(attribute.Name).Append("` | ").Append(attribute.Type.Description.Replace("|", "\\|", StringComparison.Ordinal))
                        .Append(" | ").Append(Range(attribute.Type))
                        .Append(" | ").Append(attribute.Required ? "yes" : string.Empty).Append(" | ").Append(attribute.Help).Append(" |\n");
                }

                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>The bounds of a number or quantity, as the checker holds them (VDL1015): "1 to 64", "0 to 1024TiB".</summary>
    private static string Range(ValueType type)
    {
        var (dimension, minimum, maximum) = type switch
        {
            NumberType n => (Language.Literals.Dimension.None, n.Minimum, n.Maximum),
            QuantityType q => (q.Dimension, q.Minimum, q.Maximum),
            _ => (Language.Literals.Dimension.None, null, null),
        };
        return (minimum, maximum) switch
        {
            ({ } min, { } max) => $"{QuantityText.Format(min, dimension)} to {QuantityText.Format(max, dimension)}",
            ({ } min, null) => $"at least {QuantityText.Format(min, dimension)}",
            (null, { } max) => $"at most {QuantityText.Format(max, dimension)}",
            _ => string.Empty,
        };
    }

    /// <summary>Top-level kinds first in the language's order, each followed by the kinds that stand inside it.</summary>
    private static int Order(string kind) =>
        Array.IndexOf(["os", "hardware", "cpu", "disk", "nic", "power", "app", "requires", "demand", "host", "hypervisor", "overhead", "vm", "container", "cluster", "policy", "failures", "site", "pool", "plan", "scenario"], kind);
}
