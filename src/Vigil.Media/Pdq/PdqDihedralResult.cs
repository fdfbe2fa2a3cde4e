namespace Vigil.Media.Pdq;

/// <summary>The hashes of the image under all eight <see cref="DihedralTransform"/>s, indexed by the transform.</summary>
public sealed record PdqDihedralResult(IReadOnlyList<PdqHash> Hashes, int Quality)
{
    public PdqHash this[DihedralTransform transform] => Hashes[(int)transform];

    public PdqHash Original => Hashes[0];
}
