using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VirtLang.Import.Model;
using VirtLang.Language.Formatting;
using VirtLang.Language.Syntax;
using static VirtLang.Import.Tests.ImportFixture;

namespace VirtLang.Import.Tests;

/// <summary>Any estate, with any names and comments a source may hold, is written as a model that parses and that `fmt` leaves byte for byte.</summary>
public sealed class WrittenModelPropertyTests
{
    private static readonly string[] Kinds = ["bare_metal", "paravirtual", "os_level", "hosted"];

    private static readonly char[] Alphabet = [.. "aZ09 _-.:/\\\"'{}[]()=;#*/\n\r\t\u00e9\u4e2d\u2028\0$", .. "xyz"];

    private static Gen<string> Text(int max) => Gen.Choose(0, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(Alphabet), n)).Select(chars => new string(chars));

    private static Gen<ImportedEstate> Estates() =>
        from hosts in Gen.Choose(1, 4)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from names in Gen.ArrayOf(Text(20), 40)
        from comments in Gen.ArrayOf(Text(60), 40)
        select Build(hosts, seed, names, comments);

    private static ImportedEstate Build(int hosts, int seed, string[] names, string[] comments)
    {
        var random = new Random(seed);
        var estate = new ImportedEstate();
        estate.Assume(comments[0]);
        var os = new ImportedOs(estate.Names.Allocate(names[0], "os"), "linux") { Version = comments[1] };
        estate.OperatingSystems.Add(os);
        var app = new ImportedApp(estate.Names.Allocate(names[1], "app")) { Replicas = random.Next(1, 5), DemandCpu = random.NextDouble() * 16, DemandMemoryBytes = random.NextInt64(0, MemorySize.MaxBytes) };
        app.Comments.Add(comments[2]);
        app.RequiresOs.Add(os.Name);
        estate.Apps.Add(app);
        for (var h = 0; h < hosts; h++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            var host = new ImportedHost(estate.Names.Allocate(names[2 + h], "host"), kind) { Product = comments[3 + h], Os = os.Name };
            host.Comments.Add(comments[7 + h]);
            for (var g = 0; g < 3; g++)
            {
                var index = 11 + (h * 3) + g;
                var count = random.Next(0, 3);
                var guest = new ImportedGuest(kind == "os_level" ? GuestKind.Container : GuestKind.Vm, estate.Names.Allocate(names[index], "vm", count))
                {
                    Vcpus = random.Next(1, 524_288),
                    MemoryBytes = random.NextInt64(0, MemorySize.MaxBytes),
                    Count = count > 0 ? count : null,
                };
                guest.Comments.Add(comments[index]);
                guest.Runs.Add(app.Name);
                host.Guests.Add(guest);
            }

            estate.Hosts.Add(host);
        }

        return estate;
    }

    [Property(MaxTest = 300)]
    public Property AnyEstateIsWrittenAsAFormattedModelThatParses() =>
        Prop.ForAll(Estates().ToArbitrary(), estate =>
        {
            var model = Write(estate);
            var tree = SyntaxTree.Parse(model);
            return !tree.HasErrors && Formatter.Format(tree) == model
                && estate.Hosts.SelectMany(h => h.Guests).All(g => GuestAttribute(model, g.Name, "vcpus") == g.Vcpus!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });

    [Property(MaxTest = 500)]
    public Property MemoryQuantitiesRoundTripExactly() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).SelectMany(a => Gen.Choose(0, 1 << 19).Select(b => ((long)b << 31) | (long)a)).ToArbitrary(),
            bytes => Quantity(MemorySize.ToQuantity(bytes)) == bytes);

    [Property(MaxTest = 500)]
    public Property SanitizedNamesAreIdentifiersTheLexerReadsWhole() =>
        Prop.ForAll(Text(80).ToArbitrary(), original =>
        {
            var name = new VdlNameAllocator().Allocate(original, "vm");
            var tokens = SyntaxTree.Tokenize(Language.Text.SourceText.From(name), out var diagnostics);
            return diagnostics.IsEmpty && tokens.Count(t => t.Kind != SyntaxKind.EndOfFile) == 1 && tokens[0].Kind == SyntaxKind.Identifier && name.Length <= VdlNameAllocator.MaxLength + 4;
        });
}
