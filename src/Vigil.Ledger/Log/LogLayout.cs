using Vigil.Ledger.Tiles;

namespace Vigil.Ledger.Log;

/// <summary>
/// How a log stores its hashes: a stored level every 4 tree levels. Every other stored level is a tlog-tiles level
/// (served as is); the levels between halve the hashing a proof needs (at most 8 hashes folded per proof hash
/// instead of 128) for 1/15 more stored hashes.
/// </summary>
public static class LogLayout
{
    /// <summary>Tree levels between stored levels.</summary>
    public const int StoredLevelHeight = 4;

    /// <summary>Stored hashes grouped into one hash of the next stored level.</summary>
    public const int GroupSize = 1 << StoredLevelHeight;

    /// <summary>The stored level that holds tlog-tiles level <paramref name="tileLevel"/>.</summary>
    public static int StoredLevelOfTileLevel(int tileLevel) => tileLevel * (TileMath.Height / StoredLevelHeight);
}
