using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Vigil.Detection.Signals;

/// <summary>
/// MinHash signatures over word 3-shingles of normalized text: each shingle is hashed once
/// (from the words' hashes) and the <see cref="Size"/> hash functions are cheap
/// xor-multiply permutations of that value. Texts shorter than three words use their words.
/// </summary>
internal static class MinHasher
{
    public const int Size = 32;
    public const int Bands = 8;
    public const int RowsPerBand = Size / Bands;

    private static ReadOnlySpan<ulong> Seeds =>
    [
        0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9,
        0x2545F4914F6CDD1D, 0x9FB21C651E98DF25, 0xA0761D6478BD642F, 0xE7037ED1A0B428DB,
        0x8EBC6AF09C88C6E3, 0x589965CC75374CC3, 0x1D8E4E27C47D124F, 0xD1B54A32D192ED03,
        0xABC98388FB8FAC03, 0x8CB92BA72F3D8DD7, 0x7A3C9E2D5B6F1E37, 0x5851F42D4C957F2D,
        0x14057B7EF767814F, 0x4F1BBCDCBFA53E0B, 0x6A09E667F3BCC909, 0xBB67AE8584CAA73B,
        0x3C6EF372FE94F82B, 0xA54FF53A5F1D36F1, 0x510E527FADE682D1, 0x9B05688C2B3E6C1F,
        0x1F83D9ABFB41BD6B, 0x5BE0CD19137E2179, 0xCBBB9D5DC1059ED8, 0x629A292A367CD507,
    ];

    /// <summary>Writes the signature of <paramref name="normalized"/> (from <see cref="Reading.TextNormalizer"/>) into <paramref name="signature"/>.</summary>
    public static void Compute(ReadOnlySpan<char> normalized, Span<uint> signature, Span<ulong> wordHashes)
    {
        var words = 0;
        var span = normalized;
        var start = 0;
        for (var i = 0; i <= span.Length; i++)
        {
            if (i == span.Length || span[i] == ' ')
            {
                if (i > start && words < wordHashes.Length)
                {
                    wordHashes[words++] = Hash64.Of(span[start..i]);
                }

                start = i + 1;
            }
        }

        // 32 permutations as eight 4-lane vectors: min over shingles of ((h ^ seed) * C) >> 32. Locals, not a span, so they stay in registers.
        var seeds = MemoryMarshal.Cast<ulong, Vector256<ulong>>(Seeds);
        var (s0, s1, s2, s3, s4, s5, s6, s7) = (seeds[0], seeds[1], seeds[2], seeds[3], seeds[4], seeds[5], seeds[6], seeds[7]);
        var initial = Vector256.Create((ulong)uint.MaxValue);
        var (m0, m1, m2, m3, m4, m5, m6, m7) = (initial, initial, initial, initial, initial, initial, initial, initial);
        var multiplier = Vector256.Create(0x9E3779B97F4A7C15UL);
        var shingles = Math.Max(1, words - 2);
        for (var s = 0; s < shingles; s++)
        {
            var h = Vector256.Create(words >= 3
                ? Mix(wordHashes[s] ^ Rotate(wordHashes[s + 1], 21) ^ Rotate(wordHashes[s + 2], 42))
                : Mix(words == 0 ? 0 : wordHashes[0] ^ (words == 2 ? Rotate(wordHashes[1], 21) : 0)));
            m0 = Vector256.Min(m0, Vector256.ShiftRightLogical((h ^ s0) * multiplier, 32));
            m1 = Vector256.Min(m1, Vector256.ShiftRightLogical((h ^ s1) * multiplier, 32));
            m2 = Vector256.Min(m2, Vector256.ShiftRightLogical((h ^ s2) * multiplier, 32));
            m3 = Vector256.Min(m3, Vector256.ShiftRightLogical((h ^ s3) * multiplier, 32));
            m4 = Vector256.Min(m4, Vector256.ShiftRightLogical((h ^ s4) * multiplier, 32));
            m5 = Vector256.Min(m5, Vector256.ShiftRightLogical((h ^ s5) * multiplier, 32));
            m6 = Vector256.Min(m6, Vector256.ShiftRightLogical((h ^ s6) * multiplier, 32));
            m7 = Vector256.Min(m7, Vector256.ShiftRightLogical((h ^ s7) * multiplier, 32));
        }

        Span<Vector256<ulong>> minimum = [m0, m1, m2, m3, m4, m5, m6, m7];
        var values = MemoryMarshal.Cast<Vector256<ulong>, ulong>(minimum);
        for (var k = 0; k < Size; k++)
        {
            signature[k] = (uint)values[k];
        }
    }

    public static int Words(ReadOnlySpan<char> normalized) => normalized.Length == 0 ? 0 : normalized.Count(' ') + 1;

    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var same = 0;
        for (var k = 0; k < Size; k++)
        {
            if (a[k] == b[k])
            {
                same++;
            }
        }

        return (double)same / Size;
    }

    public static ulong BandKey(ReadOnlySpan<uint> signature, int band)
    {
        var slice = signature.Slice(band * RowsPerBand, RowsPerBand);
        return Hash64.Of(slice, (ulong)band + 1);
    }

    private static ulong Rotate(ulong x, int by) => (x << by) | (x >> (64 - by));

    private static ulong Mix(ulong x) => Hash64.Mix(x);
}
