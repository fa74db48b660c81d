using VirtLang.Compiler.Sources;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;

namespace VirtLang.Compiler.Configuration;

/// <summary>
/// Finds the configuration of each model file: the nearest vdlconfig.json in the file's folder or a parent (only that
/// one applies; nothing is merged). Each configuration file is read once per compilation.
/// </summary>
internal sealed class ConfigurationLocator
{
    private readonly Dictionary<string, VdlConfiguration> _byDirectory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VdlConfiguration> _byConfigFile = new(StringComparer.Ordinal);

    public List<Diagnostic> Diagnostics { get; } = [];

    public VdlConfiguration For(string modelPath)
    {
        string? directory;
        try
        {
            directory = Path.GetDirectoryName(Path.GetFullPath(modelPath));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return VdlConfiguration.Default; // not a file-system path (an in-memory model)
        }

        return directory is null ? VdlConfiguration.Default : ForDirectory(directory);
    }

    private VdlConfiguration ForDirectory(string directory)
    {
        if (_byDirectory.TryGetValue(directory, out var known))
        {
            return known;
        }

        var candidate = Path.Combine(directory, ConfigurationReader.FileName);
        VdlConfiguration configuration;
        if (File.Exists(candidate))
        {
            if (!_byConfigFile.TryGetValue(candidate, out configuration!))
            {
                // Read as model files are (a FIFO or a device named vdlconfig.json must not block or stream forever).
                if (SourceFileReader.TryRead(candidate, out var text, out var failure))
                {
                    var (read, diagnostics) = ConfigurationReader.Read(text!);
                    Diagnostics.AddRange(diagnostics);
                    configuration = read;
                }
                else
                {
                    Diagnostics.Add(new Diagnostic(SyntaxDiagnostics.InvalidConfiguration,
                        new Location(SourceText.From(string.Empty, candidate), default), [$"cannot be read: {failure!.Reason}"]));
                    configuration = VdlConfiguration.Default;
                }

                _byConfigFile[candidate] = configuration;
            }
        }
        else
        {
            var parent = Path.GetDirectoryName(directory);
            configuration = parent is null ? VdlConfiguration.Default : ForDirectory(parent);
        }

        _byDirectory[directory] = configuration;
        return configuration;
    }
}
