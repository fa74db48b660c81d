namespace VirtLang.Sweeps;

/// <summary>What a file of a <see cref="ModelBundle"/> is to the model.</summary>
public enum ModelBundleFileKind : byte
{
    /// <summary>A .vdl file the user named: compilation starts from these.</summary>
    Root = 0,

    /// <summary>A .vdl file reached through an <c>import</c>.</summary>
    Import = 1,

    /// <summary>A file a <c>trace(...)</c> profile reads.</summary>
    Trace = 2,

    /// <summary>
    /// The vdlconfig.json nearest to one of the model's .vdl files: it sets that file's severities, so a worker checks the
    /// model exactly as <c>vdl check</c> and <c>vdl run</c> did where the user ran them.
    /// </summary>
    Configuration = 3,
}
