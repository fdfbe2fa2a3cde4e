namespace Vigil.Core.Patterning.Indexing;

/// <summary>Index key: which object path (by number) and its normalized value.</summary>
internal readonly record struct TermKey(int PathId, TermValueKind Kind, string Value);
