using System.Numerics;

namespace Vigil.Ledger.Merkle;

/// <summary>Index arithmetic shared by proof construction and tiles.</summary>
internal static class MerkleMath
{
    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2).</summary>
    public static long LargestPowerOfTwoBelow(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    public static bool IsPowerOfTwo(long n) => n > 0 && (n & (n - 1)) == 0;
}
