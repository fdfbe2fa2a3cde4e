using Vigil.Media.Imaging;

namespace Vigil.Media.Pdq;

/// <summary>
/// Hashes image files the way the reference's pdq-photo-hasher does: an image with a side above
/// 512 is first resized to exactly 512x512 by nearest neighbour (aspect ratio not kept), then hashed.
/// </summary>
public static class PhotoHasher
{
    public const int ReferenceMaxDimension = 512;

    public static PhotoHash HashFile(string path, ImageDecodeOptions? options = null)
    {
        var image = ImageDecoder.Decode(path, options);
        var result = Hash(image);
        return new PhotoHash(path, result.Hash, result.Quality);
    }

    public static PdqResult Hash(DecodedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (pixels, width, height) = Shrink(image);
        return image.Channels == 1
            ? PdqHasher.HashGrey(pixels, width, height)
            : PdqHasher.Hash(pixels, width, height);
    }

    public static PdqDihedralResult HashDihedral(DecodedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (pixels, width, height) = Shrink(image);
        return PdqHasher.HashDihedral(pixels, width, height, image.Channels);
    }

    private static (byte[] Pixels, int Width, int Height) Shrink(DecodedImage image)
    {
        if (image.Width <= ReferenceMaxDimension && image.Height <= ReferenceMaxDimension)
        {
            return (image.Pixels, image.Width, image.Height);
        }

        const int size = ReferenceMaxDimension;
        var c = image.Channels;
        var output = new byte[size * size * c];
        Span<int> columnOffset = stackalloc int[size];
        for (var x = 0; x < size; x++)
        {
            columnOffset[x] = (int)((long)x * image.Width / size) * c;
        }

        for (var y = 0; y < size; y++)
        {
            var sourceRow = image.Pixels.AsSpan((int)((long)y * image.Height / size) * image.Width * c, image.Width * c);
            var targetRow = output.AsSpan(y * size * c, size * c);
            for (var x = 0; x < size; x++)
            {
                sourceRow.Slice(columnOffset[x], c).CopyTo(targetRow.Slice(x * c, c));
            }
        }

        return (output, size, size);
    }
}
