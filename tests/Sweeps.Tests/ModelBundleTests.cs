using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace VirtLang.Sweeps.Tests;

public sealed class ModelBundleTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-bundle-");

    public void Dispose() => _temporary.Dispose();

    private static ModelBundle Sample(params (string Path, string Text)[] more) => new(
    [
        new ModelBundleFile("main.vdl", "import \"lib/catalog.vdl\"\n", ModelBundleFileKind.Root),
        new ModelBundleFile("lib/catalog.vdl", "// é ✓\n", ModelBundleFileKind.Import),
        .. more.Select(m => new ModelBundleFile(m.Path, m.Text, ModelBundleFileKind.Trace)),
    ]);

    [Property(MaxTest = 100)]
    public bool Bytes_round_trip(NonEmptyString[] texts)
    {
        var bundle = Sample([.. texts.Select((t, i) => ($"traces/t{i}.csv", t.Get))]);
        var again = ModelBundle.FromBytes(bundle.ToBytes());
        return again.ToBytes().AsSpan().SequenceEqual(bundle.ToBytes()) && again.Hash == bundle.Hash
            && again.Files.SequenceEqual(bundle.Files);
    }

    [Fact]
    public void Every_truncation_is_refused_with_our_exception()
    {
        var bytes = Sample(("t.csv", "0m,10%\n")).ToBytes();
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<SweepDataException>(() => ModelBundle.FromBytes(bytes.AsSpan(0, length)));
        }

        Assert.Throws<SweepDataException>(() => ModelBundle.FromBytes([.. bytes, 0]));
    }

    [Property(MaxTest = 300)]
    public bool Garbage_is_refused_with_our_exception(byte[] garbage, bool withMagic)
    {
        var bytes = withMagic ? [.. "VDLBNDL1"u8, .. garbage] : garbage;
        try
        {
            _ = ModelBundle.FromBytes(bytes);
            return true; // the rare garbage that is a valid bundle
        }
        catch (SweepDataException)
        {
            return true;
        }
    }

    [Fact]
    public void Counts_and_lengths_past_the_bounds_are_refused_before_anything_is_allocated()
    {
        Assert.Throws<SweepDataException>(() => ModelBundle.FromBytes([.. "VDLBNDL1"u8, 0xFF, 0xFF, 0xFF, 0x7F]));
        Assert.Throws<SweepDataException>(() => ModelBundle.FromBytes([.. "VDLBNDL1"u8, 1, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F]));
        Assert.Throws<SweepDataException>(() => ModelBundle.FromBytes([.. "VDLBNDL1"u8, 1, 0, 0, 0, 9]));
    }

    [Fact]
    public void Paths_that_leave_the_bundle_are_refused()
    {
        foreach (var path in new[] { "../x.vdl", "/etc/x.vdl", "a//b.vdl", "a/./b.vdl", "", "a\\b.vdl" })
        {
            Assert.Throws<ArgumentException>(() => new ModelBundle([new ModelBundleFile(path, "", ModelBundleFileKind.Root)]));
            using var stream = new MemoryStream();
            stream.Write("VDLBNDL1"u8);
            stream.Write([1, 0, 0, 0, 0]);
            var p = Encoding.UTF8.GetBytes(path);
            stream.Write(BitConverter.GetBytes(p.Length));
            stream.Write(p);
            stream.Write([0, 0, 0, 0]);
            Assert.Throws<SweepDataException>(() => ModelBundle.FromBytes(stream.ToArray()));
        }
    }

    [Fact]
    public void A_bundle_needs_a_file_to_start_from_and_each_path_once()
    {
        Assert.Throws<ArgumentException>(() => new ModelBundle([new ModelBundleFile("a.vdl", "", ModelBundleFileKind.Import)]));
        Assert.Throws<ArgumentException>(() => new ModelBundle(
            [new ModelBundleFile("a.vdl", "", ModelBundleFileKind.Root), new ModelBundleFile("a.vdl", "", ModelBundleFileKind.Import)]));
    }

    [Fact]
    public void A_configuration_must_be_a_vdlconfig_json()
    {
        Assert.Throws<ArgumentException>(() => new ModelBundle(
            [new ModelBundleFile("a.vdl", "", ModelBundleFileKind.Root), new ModelBundleFile("lib/evil.vdl", "{}", ModelBundleFileKind.Configuration)]));
        _ = new ModelBundle([new ModelBundleFile("a.vdl", "", ModelBundleFileKind.Root), new ModelBundleFile("lib/vdlconfig.json", "{}", ModelBundleFileKind.Configuration)]);
    }

    /// <summary>Each .vdl file's nearest vdlconfig.json, once, in the compilation's file order, and the common folder widened to hold it.</summary>
    [Fact]
    public void From_files_takes_the_nearest_configuration_of_each_model_file()
    {
        Directory.CreateDirectory(Path.Combine(_temporary.Path, "model", "lib"));
        _temporary.Write("vdlconfig.json", "{}\n");
        _temporary.Write("model/lib/vdlconfig.json", "{ \"severity\": {} }\n");
        _temporary.Write("model/lib/apps.vdl", "app web {\n  demand {\n    cpu = 1\n  }\n}\n");
        var main = _temporary.Write("model/main.vdl", "import \"lib/apps.vdl\"\n");

        var bundle = ModelBundle.FromFiles([main]);
        Assert.Equal(
            [("model/main.vdl", ModelBundleFileKind.Root), ("model/lib/apps.vdl", ModelBundleFileKind.Import),
             ("model/lib/vdlconfig.json", ModelBundleFileKind.Configuration), ("vdlconfig.json", ModelBundleFileKind.Configuration)],
            bundle.Files.Select(f => (f.Path, f.Kind)));
        Assert.Equal(bundle.Hash, ModelBundle.FromBytes(bundle.ToBytes()).Hash);
    }

    [Fact]
    public void The_hash_names_the_content()
    {
        Assert.Equal(Sample().Hash, Sample().Hash);
        Assert.NotEqual(Sample().Hash, Sample(("t.csv", "0m,10%\n")).Hash);
        Assert.Matches("^[0-9a-f]{64}$", Sample().Hash);
    }

    [Fact]
    public void From_files_takes_the_imports_and_the_traces_relative_to_their_common_folder()
    {
        Directory.CreateDirectory(Path.Combine(_temporary.Path, "model", "lib"));
        Directory.CreateDirectory(Path.Combine(_temporary.Path, "traces"));
        _temporary.Write("traces/web.csv", "time,utilization\n0m,20%\n30m,60%\n");
        _temporary.Write("model/lib/apps.vdl", "app web {\n  demand {\n    cpu     = 1\n    profile = trace(\"../../traces/web.csv\")\n  }\n}\n");
        var main = _temporary.Write("model/main.vdl", "import \"lib/apps.vdl\"\n");

        var bundle = ModelBundle.FromFiles([main]);
        Assert.Equal(
            [("model/main.vdl", ModelBundleFileKind.Root), ("model/lib/apps.vdl", ModelBundleFileKind.Import), ("traces/web.csv", ModelBundleFileKind.Trace)],
            bundle.Files.Select(f => (f.Path, f.Kind)));
        Assert.Equal("time,utilization\n0m,20%\n30m,60%\n", bundle.Files[2].Text);
    }
}
