namespace Vigil.Media.Imaging;

public sealed record ImageDecodeOptions
{
    public static ImageDecodeOptions Default { get; } = new();

    /// <summary>Images whose header declares more pixels are refused before any pixel is decoded.</summary>
    public long MaxPixels { get; init; } = 100_000_000;

    /// <summary>Rotate or flip by the EXIF orientation. Off by default: the reference ignores it.</summary>
    public bool ApplyExifOrientation { get; init; }

    /// <summary>Largest encoded input read from a stream, in bytes.</summary>
    public long MaxEncodedBytes { get; init; } = 256L * 1024 * 1024;
}
