namespace Vigil.Media.Imaging;

/// <summary>
/// 8-bit pixels, row-major without padding: 1 channel when every pixel is grey (as the reference's
/// decoder hands such images over), else 3 channels (RGB). Alpha is dropped, not composited.
/// </summary>
public sealed record DecodedImage
{
    public required int Width { get; init; }

    public required int Height { get; init; }

    public required int Channels { get; init; }

    public required byte[] Pixels { get; init; }

    /// <summary>Container format as detected from the content (not the file name), e.g. "Jpeg".</summary>
    public string Format { get; init; } = string.Empty;

    /// <summary>EXIF orientation 1..8 found in the file (1 when absent).</summary>
    public int Orientation { get; init; } = 1;

    public int Stride => Width * Channels;
}
