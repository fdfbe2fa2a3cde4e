using System.Runtime.Intrinsics;

namespace Vigil.Media.Pdq;

/// <summary>
/// The 64x64 to 16x16 DCT (rows 1..16 of the DCT-II basis), the quality metric and the
/// median threshold. Sums run over k in the reference's order; vectors only run lanes side by side.
/// </summary>
internal static class PdqDct
{
    /// <summary>16x64 row-major: D[i, j] = sqrt(2/64) cos(pi/128 (i+1)(2j+1)).</summary>
    private static readonly float[] Matrix = BuildMatrix();

    /// <summary>64x16 row-major transpose of <see cref="Matrix"/>.</summary>
    private static readonly float[] MatrixTransposed = Transpose(Matrix);

    private static float[] BuildMatrix()
    {
        var scale = (float)Math.Sqrt(2.0 / 64.0);
        var m = new float[16 * 64];
        for (var i = 0; i < 16; i++)
        {
            for (var j = 0; j < 64; j++)
            {
                m[(i * 64) + j] = (float)(scale * Math.Cos(Math.PI / 2.0 / 64.0 * (i + 1) * ((2 * j) + 1)));
            }
        }

        return m;
    }

    private static float[] Transpose(float[] m)
    {
        var t = new float[64 * 16];
        for (var i = 0; i < 16; i++)
        {
            for (var k = 0; k < 64; k++)
            {
                t[(k * 16) + i] = m[(i * 64) + k];
            }
        }

        return t;
    }

    /// <summary>B = D A Dᵀ, with T = D A first.</summary>
    public static void Transform(ReadOnlySpan<float> a64x64, Span<float> t16x64, Span<float> b16x16)
    {
        var d = Matrix.AsSpan();
        for (var i = 0; i < 16; i++)
        {
            var dRow = d.Slice(i * 64, 64);
            var tRow = t16x64.Slice(i * 64, 64);
            for (var jb = 0; jb < 64; jb += 16)
            {
                var s0 = Vector256<float>.Zero;
                var s1 = Vector256<float>.Zero;
                for (var k = 0; k < 64; k++)
                {
                    var dk = Vector256.Create(dRow[k]);
                    var aRow = a64x64.Slice((k * 64) + jb, 16);
                    s0 += dk * Vector256.Create(aRow[..8]);
                    s1 += dk * Vector256.Create(aRow[8..]);
                }

                s0.CopyTo(tRow.Slice(jb, 8));
                s1.CopyTo(tRow.Slice(jb + 8, 8));
            }
        }

        var dt = MatrixTransposed.AsSpan();
        for (var i = 0; i < 16; i++)
        {
            var tRow = t16x64.Slice(i * 64, 64);
            var s0 = Vector256<float>.Zero;
            var s1 = Vector256<float>.Zero;
            for (var k = 0; k < 64; k++)
            {
                var tk = Vector256.Create(tRow[k]);
                var dtRow = dt.Slice(k * 16, 16);
                s0 += tk * Vector256.Create(dtRow[..8]);
                s1 += tk * Vector256.Create(dtRow[8..]);
            }

            s0.CopyTo(b16x16.Slice(i * 16, 8));
            s1.CopyTo(b16x16.Slice((i * 16) + 8, 8));
        }
    }

    /// <summary>Heuristic gradient count of the reference, 0..100.</summary>
    public static int Quality(ReadOnlySpan<float> a64x64)
    {
        var gradientSum = 0;
        for (var i = 0; i < 63; i++)
        {
            for (var j = 0; j < 64; j++)
            {
                var d = (int)((a64x64[(i * 64) + j] - a64x64[((i + 1) * 64) + j]) * 100f / 255f);
                gradientSum += Math.Abs(d);
            }
        }

        for (var i = 0; i < 64; i++)
        {
            for (var j = 0; j < 63; j++)
            {
                var d = (int)((a64x64[(i * 64) + j] - a64x64[(i * 64) + j + 1]) * 100f / 255f);
                gradientSum += Math.Abs(d);
            }
        }

        return Math.Min(gradientSum / 90, 100);
    }

    /// <summary>Bit k is set where coefficient k exceeds the lower median (the 128th smallest).</summary>
    public static PdqHash ToHash(ReadOnlySpan<float> b16x16)
    {
        Span<float> sorted = stackalloc float[256];
        b16x16.CopyTo(sorted);
        sorted.Sort();
        var median = sorted[127];
        Span<ulong> words = stackalloc ulong[4];
        for (var k = 0; k < 256; k++)
        {
            if (b16x16[k] > median)
            {
                words[k >> 6] |= 1UL << (k & 63);
            }
        }

        return new PdqHash(words[0], words[1], words[2], words[3]);
    }
}
