namespace Vigil.Media.Pdq;

/// <summary>
/// Dihedral transforms applied in the DCT domain, as the reference does: a transpose for quarter
/// turns and diagonal flips, and a mirror negates the coefficients of odd frequency (even index,
/// since the 16x16 block starts at frequency 1).
/// </summary>
internal static class Dihedral
{
    public static void Apply(DihedralTransform transform, ReadOnlySpan<float> a, Span<float> b)
    {
        for (var i = 0; i < 16; i++)
        {
            for (var j = 0; j < 16; j++)
            {
                var v = a[(i * 16) + j];
                switch (transform)
                {
                    case DihedralTransform.Original:
                        b[(i * 16) + j] = v;
                        break;
                    case DihedralTransform.Rotate90:
                        b[(j * 16) + i] = (j & 1) != 0 ? v : -v;
                        break;
                    case DihedralTransform.Rotate180:
                        b[(i * 16) + j] = ((i + j) & 1) != 0 ? -v : v;
                        break;
                    case DihedralTransform.Rotate270:
                        b[(j * 16) + i] = (i & 1) != 0 ? v : -v;
                        break;
                    case DihedralTransform.FlipX:
                        b[(i * 16) + j] = (i & 1) != 0 ? v : -v;
                        break;
                    case DihedralTransform.FlipY:
                        b[(i * 16) + j] = (j & 1) != 0 ? v : -v;
                        break;
                    case DihedralTransform.FlipPlus1:
                        b[(j * 16) + i] = v;
                        break;
                    case DihedralTransform.FlipMinus1:
                        b[(j * 16) + i] = ((i + j) & 1) != 0 ? -v : v;
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(transform), transform, null);
                }
            }
        }
    }
}
