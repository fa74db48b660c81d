using System.Text;
using VirtLang.Compiler.Emit;
using VirtLang.Compiler.Hosting;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// The topology data of generated code is untrusted input for its reader (it may come from a cached assembly): any
/// damage is a <see cref="TopologyDataException"/> at the <c>.vdl</c> place of the record being read, never another
/// exception, and the place of a record is its declaration's line, as <c>#line</c> gave it.
/// </summary>
public sealed class TopologyDataTests : IDisposable
{
    private const string Model = """
        os linux {
          family = linux
        }
        hardware box {
          cpu {
            cores = 8
          }
          memory = 64GiB
        }
        app web {
          demand {
            cpu = 1
          }
        }
        host h : box {
          hypervisor {
            kind = bare_metal
          }
          vm a {
            os     = linux
            vcpus  = 1
            memory = 1GiB
            runs   = [web]
          }
          vm pool {
            os     = linux
            vcpus  = 2
            memory = 2GiB
            count  = 3
          }
        }
        """;

    private readonly TemporaryDirectory _cache = new("vdl-data-");

    public void Dispose() => _cache.Dispose();

    /// <summary>The text between the raw literal's quotes.</summary>
    private static string DataOf(string code)
    {
        var start = code.IndexOf("=> \"\"\"\n", StringComparison.Ordinal) + "=> \"\"\"\n".Length;
        return code[start..code.IndexOf("\"\"\"u8;", StringComparison.Ordinal)];
    }

    private static string Data() => DataOf(CSharpEmitter.Emit(CSharpEmitterTestsModel().SemanticModel));

    private static ModelCompilation CSharpEmitterTestsModel() => GeneratedEstateTests.Check(Model);

    [Fact]
    public void TheDataBuildsTheTopologyWithEachCopyNamed()
    {
        var topology = TopologyDataReader.Read(Encoding.UTF8.GetBytes(Data()));
        Assert.Equal(["a", "pool-1", "pool-2", "pool-3"], Assert.Single(topology.Hosts).Guests.Select(g => g.Name));
        Assert.Equal("web", Assert.Single(topology.Applications()).Name);
    }

    [Fact]
    public void ADamagedRecordIsAnErrorAtItsModelLine()
    {
        var data = Data().Split('\n');
        var pool = Array.FindIndex(data, l => l.EndsWith("'pool", StringComparison.Ordinal));
        var fields = data[pool].Split(' ');
        fields[1] = "99";
        data[pool] = string.Join(' ', fields);

        var error = Assert.Throws<TopologyDataException>(() => TopologyDataReader.Read(Encoding.UTF8.GetBytes(string.Join('\n', data))));
        Assert.Equal("estate.vdl", error.File);
        Assert.Equal(25, error.Line);
        Assert.Contains("malformed model data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherVersionOfTheFormatIsRefused()
    {
        var data = Data().Replace("vdl-topology 1\n", "vdl-topology 2\n", StringComparison.Ordinal);
        Assert.Contains("version", Assert.Throws<TopologyDataException>(() => TopologyDataReader.Read(Encoding.UTF8.GetBytes(data))).Message, StringComparison.Ordinal);
    }

    /// <summary>Every prefix of the data, and every byte of it replaced by each of a few: a topology or a TopologyDataException, nothing else.</summary>
    [Fact]
    public void AnyTruncationOrChangedByteIsATopologyOrATopologyDataException()
    {
        var data = Encoding.UTF8.GetBytes(Data());
        for (var length = 0; length < data.Length - 1; length++)
        {
            Assert.Throws<TopologyDataException>(() => TopologyDataReader.Read(data.AsSpan(0, length)));
        }

        byte[] replacements = [(byte)'~', (byte)'9', (byte)'\'', (byte)'x', (byte)'-', (byte)':', (byte)'\\', (byte)' ', 0xFF, 0];
        var refused = 0;
        for (var i = 0; i < data.Length; i++)
        {
            foreach (var b in replacements)
            {
                var changed = (byte[])data.Clone();
                changed[i] = b;
                try
                {
                    TopologyDataReader.Read(changed);
                }
                catch (TopologyDataException)
                {
                    refused++;
                }
            }
        }

        Assert.True(refused > data.Length, $"only {refused} of {data.Length * replacements.Length} changes were refused");
    }

    [Fact]
    public void MoreInstancesThanAModelMayHaveAreRefused()
    {
        var guests = string.Concat(Enumerable.Range(0, 11).Select(i => $"1 0 'g{i}\n"));
        var data = $"vdl-topology 1\nfiles 1\n'm.vdl\noses 0\nappshapes 0\napps 0\nhostshapes 1\nhostshape ~ 1 0 0 100 400 ~ ~ BareMetal Hardware 0 ~ 0 ~ ~ 0 ~ ~\n" +
            $"guestshapes 1\ncontainer 100000 1 ~ 0 Medium 0\nhosts 1\nhost 0:1 0 1 'h 11\n{guests}clusters 0\nsites 0\nend\n";
        var error = Assert.Throws<TopologyDataException>(() => TopologyDataReader.Read(Encoding.UTF8.GetBytes(data)));
        Assert.Contains("1,000,000", error.Message, StringComparison.Ordinal);
        Assert.Equal(12, error.Line);
    }

    /// <summary>
    /// A cache entry whose assembly's data was changed and its seal rewritten to match (someone rewrote both files):
    /// loading it is a located error of the generated model, not a crash.
    /// </summary>
    [Fact]
    public void ACachedAssemblyWithDamagedDataIsALocatedError()
    {
        var compilation = CSharpEmitterTestsModel();
        ModelHost.Load(compilation, _cache.Path);
        var assembly = Directory.GetFiles(_cache.Path, "*.dll").Single();
        var key = Path.GetFileNameWithoutExtension(assembly);
        var image = File.ReadAllBytes(assembly);
        var pool = Data().Split('\n').Single(l => l.EndsWith("'pool", StringComparison.Ordinal));
        var record = Encoding.ASCII.GetBytes(pool);
        var at = image.AsSpan().IndexOf(record);
        Assert.True(at > 0, "the data is in the assembly as it is in the code");

        // The shape index (the second field) becomes 7: there are two shapes.
        image[at + pool.LastIndexOf(' ') - 1] = (byte)'7';
        File.WriteAllBytes(assembly, image);
        File.WriteAllText(Path.ChangeExtension(assembly, ".sha256"), CacheSeal.Write(key, image));

        var error = Assert.Throws<GeneratedCodeException>(() => ModelHost.Load(compilation, _cache.Path));
        Assert.StartsWith("estate.vdl(25,1): malformed model data", Assert.Single(error.Problems), StringComparison.Ordinal);
    }
}
