namespace Vigil.Media.Pdq;

/// <summary>The eight symmetries of the square, in the reference's output order.</summary>
public enum DihedralTransform
{
    Original = 0,
    Rotate90 = 1,
    Rotate180 = 2,
    Rotate270 = 3,
    FlipX = 4,
    FlipY = 5,
    FlipPlus1 = 6,
    FlipMinus1 = 7,
}
