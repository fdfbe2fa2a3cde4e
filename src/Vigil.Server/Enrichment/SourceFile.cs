namespace Vigil.Server.Enrichment;

/// <summary>One file to import. A required file (named explicitly) that is missing is an error; a folder's file is optional.</summary>
public sealed record SourceFile(string Path, SourceFormat Format, bool Required);
