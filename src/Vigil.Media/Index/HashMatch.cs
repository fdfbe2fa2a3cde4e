namespace Vigil.Media.Index;

/// <summary>A hash in an index (by its insertion index) within the query distance.</summary>
public readonly record struct HashMatch(int Index, int Distance);
