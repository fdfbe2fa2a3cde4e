namespace Vigil.Media.Pdq;

/// <summary>The PDQ hash of one file.</summary>
public sealed record PhotoHash(string Path, PdqHash Hash, int Quality)
{
    /// <summary>The reference pdq-photo-hasher's line: <c>hash,quality,path</c>.</summary>
    public override string ToString() => PdqLineFormatter.Format(this);
}
