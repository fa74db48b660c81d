using VirtLang.Compiler.Schema;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Binding;

/// <summary>
/// What a declaration is, in one place: every top-level block of every file, and the guests (<see cref="ModelSchema.GuestKinds"/>)
/// of every host. Parts of a block (a `disk` of a `hardware`, a host's `hypervisor`) are not.
/// </summary>
internal static class Declarations
{
    public static IEnumerable<(ModelFile File, BlockSyntax Block)> Of(IEnumerable<ModelFile> files)
    {
        foreach (var file in files)
        {
            foreach (var block in file.Tree.Root.Blocks)
            {
                yield return (file, block);
                if (block.KindToken.TextEquals("host"))
                {
                    foreach (var member in block.Members)
                    {
                        if (member is BlockSyntax guest && IsGuest(guest.KindToken))
                        {
                            yield return (file, guest);
                        }
                    }
                }
            }
        }
    }

    private static bool IsGuest(SyntaxToken kind)
    {
        // By index: a foreach over the IReadOnlyList boxed an enumerator for every block of every host.
        var guestKinds = ModelSchema.GuestKinds;
        for (var i = 0; i < guestKinds.Count; i++)
        {
            if (kind.TextEquals(guestKinds[i]))
            {
                return true;
            }
        }

        return false;
    }
}
