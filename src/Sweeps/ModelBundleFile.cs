namespace VirtLang.Sweeps;

/// <summary>One file of a <see cref="ModelBundle"/>: its path relative to the bundle's root ('/'-separated) and its text.</summary>
public sealed record ModelBundleFile(string Path, string Text, ModelBundleFileKind Kind);
