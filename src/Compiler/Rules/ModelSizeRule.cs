using System.Globalization;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Schema;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Compiler.Rules;

/// <summary>
/// VDL1040: the hosts and guests a model expands to (every copy <c>count</c> makes) are at most
/// <see cref="ModelSize.MaximumInstances"/>. Reported once, at the <c>count</c> whose copies cross the bound, in
/// model order. Checked before the other rule families, which walk copies one by one: past the bound they do not run.
/// </summary>
internal static class ModelSizeRule
{
    /// <summary>Whether the model is within the bound (else VDL1040 is reported).</summary>
    public static bool Check(SemanticModel model, List<Diagnostic> diagnostics)
    {
        // Doubles: a count beyond its own range (already VDL1015) still adds up without overflowing.
        var total = 0d;
        ModelSymbol? crossing = null;
        var crossingCopies = 0d;
        foreach (var host in model.Hosts)
        {
            total += host.Copies;
            if (crossing is null && total > ModelSize.MaximumInstances)
            {
                (crossing, crossingCopies) = (host, host.Copies);
            }

            foreach (var guest in host.Guests)
            {
                var copies = (double)host.Copies * guest.Copies;
                total += copies;
                if (crossing is null && total > ModelSize.MaximumInstances)
                {
                    // A guest without a count of its own is multiplied by its host's.
                    crossing = guest.Copies > 1 || host.Copies == 1 ? guest : host;
                    crossingCopies = copies;
                }
            }
        }

        if (crossing is null)
        {
            return true;
        }

        if (crossing.Copies > ModelSize.MaximumCopies || (crossing is GuestSymbol guestCrossing && guestCrossing.Host.Copies > ModelSize.MaximumCopies))
        {
            return false; // a count past its own range: VDL1015 says so already
        }

        var count = crossing.View.Find("count");
        var at = count is var (file, attribute) ? new Location(file.Tree.Text, attribute.ValueView.Span) : crossing.Declaration;
        var name = $"{crossing.Kind} `{crossing.Name}`";
        var what = count is null ? name : $"`count = {crossing.Copies.ToString(CultureInfo.InvariantCulture)}` on {name}";
        var advice = crossingCopies > 1
            ? "lower the count, or simulate a sample of the estate and scale its results"
            : "split the estate into models of a part each";
        diagnostics.Add(new Diagnostic(CompilerDiagnostics.TooManyInstances, at,
            [what, total.ToString("N0", CultureInfo.InvariantCulture), ModelSize.MaximumInstances.ToString("N0", CultureInfo.InvariantCulture), advice]));
        return false;
    }
}
