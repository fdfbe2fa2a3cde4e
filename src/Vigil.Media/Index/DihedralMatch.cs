using Vigil.Media.Pdq;

namespace Vigil.Media.Index;

/// <summary>A match found through one of the query's dihedral variants (the closest one).</summary>
public readonly record struct DihedralMatch(int Index, int Distance, DihedralTransform Transform);
