using VirtLang.Compiler.Sources;
using VirtLang.Language.Text;

namespace VirtLang.LanguageServer.Workspace;

/// <summary>
/// Everything a compiled model read: each file it asked for, found or not (an import that did not resolve yet may
/// be created or opened later), and the disk's state of those that came from disk, with the vdlconfig.json files
/// that could set their severities. A cached model is still right while none of its files is edited and
/// <see cref="IsCurrent"/> holds.
/// </summary>
internal sealed class ModelInputs
{
    private readonly HashSet<string> _files;
    private readonly Dictionary<string, FileStamp> _disk;

    private ModelInputs(HashSet<string> files, Dictionary<string, FileStamp> disk)
    {
        _files = files;
        _disk = disk;
    }

    /// <summary>Whether the model read (or looked for) the file, in the workspace's form of its path.</summary>
    public bool Contains(string path) => _files.Contains(path);

    /// <summary>Whether every file it read from disk, and every configuration that applies, is as it was.</summary>
    public bool IsCurrent() => _disk.All(entry => FileStamp.Of(entry.Key) == entry.Value);

    /// <summary>Records what one compilation reads through it; <see cref="Finish"/> then gives its inputs.</summary>
    internal sealed class Recorder(ISourceProvider inner, Func<string, bool> isOpen) : ISourceProvider
    {
        private readonly HashSet<string> _files = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FileStamp> _disk = new(StringComparer.Ordinal);

        /// <summary>A root the compilation was given rather than asked for: from disk when <paramref name="stamp"/> is given.</summary>
        public void Root(string path, FileStamp? stamp)
        {
            _files.Add(path);
            if (stamp is { } value)
            {
                _disk[path] = value;
            }
        }

        public bool TryRead(string path, out SourceText? text, out SourceReadFailure? failure)
        {
            var identity = inner.Identity(path);
            _files.Add(identity);

            // Also as the client would name it: a file reached through a link is opened by that path.
            _files.Add(DocumentUri.Normalize(path));
            if (!isOpen(identity))
            {
                // Stamped before reading: a write in between shows as a change next time, never as no change.
                _disk.TryAdd(identity, FileStamp.Of(identity));
            }

            return inner.TryRead(path, out text, out failure);
        }

        public string Identity(string path) => inner.Identity(path);

        public bool AppliesConfiguration => inner.AppliesConfiguration;

        public ModelInputs Finish()
        {
            if (AppliesConfiguration)
            {
                // The nearest vdlconfig.json of each file's folder (or of a parent) sets severities: any of them
                // appearing, changing or going away changes the model's diagnostics.
                foreach (var directory in _files.Where(Path.IsPathRooted).Select(Path.GetDirectoryName).OfType<string>().Distinct(StringComparer.Ordinal).ToList())
                {
                    foreach (var configuration in Compiler.Configuration.ConfigurationReader.CandidatesFor(directory))
                    {
                        // Stamped after the check read them: a write in that instant is missed until the next change.
                        var stamp = FileStamp.Of(configuration);
                        if (!_disk.TryAdd(configuration, stamp) || stamp.Exists)
                        {
                            break; // the nearest one is the one that applies; or this folder was walked from already
                        }
                    }
                }
            }

            return new ModelInputs(_files, _disk);
        }
    }
}
