using Vigil.Media.Pdq;

namespace Vigil.Media.Index;

/// <summary>
/// A set of PDQ hashes answering "all hashes within Hamming distance d of this one". Indexes are
/// the insertion positions (0-based). Queries may run concurrently with each other, not with Add.
/// </summary>
public interface IHashIndex
{
    /// <summary>Meta's recommended PDQ match threshold.</summary>
    const int DefaultMaxDistance = 31;

    int Count { get; }

    PdqHash this[int index] { get; }

    /// <summary>Adds a hash and returns its index.</summary>
    int Add(PdqHash hash);

    /// <summary>All hashes within <paramref name="maxDistance"/> (inclusive), in ascending index order.</summary>
    IReadOnlyList<HashMatch> Query(PdqHash query, int maxDistance = DefaultMaxDistance);
}
