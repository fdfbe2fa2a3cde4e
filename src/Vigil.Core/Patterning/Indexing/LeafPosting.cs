namespace Vigil.Core.Patterning.Indexing;

/// <summary>An observation leaf (by its order in the pattern) of a pattern that needs several observations.</summary>
internal readonly record struct LeafPosting(int Pattern, int Leaf);
