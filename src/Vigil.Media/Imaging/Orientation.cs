namespace Vigil.Media.Imaging;

/// <summary>Applies an EXIF orientation (1..8) so the image is shown upright.</summary>
internal static class Orientation
{
    public static DecodedImage Apply(DecodedImage image)
    {
        var o = image.Orientation;
        if (o <= 1)
        {
            return image;
        }

        var (w, h, c) = (image.Width, image.Height, image.Channels);
        var transposed = o >= 5;
        var (outW, outH) = transposed ? (h, w) : (w, h);
        var output = new byte[image.Pixels.Length];
        for (var y = 0; y < outH; y++)
        {
            for (var x = 0; x < outW; x++)
            {
                var (sx, sy) = o switch
                {
                    2 => (w - 1 - x, y),
                    3 => (w - 1 - x, h - 1 - y),
                    4 => (x, h - 1 - y),
                    5 => (y, x),
                    6 => (y, h - 1 - x),
                    7 => (w - 1 - y, h - 1 - x),
                    _ => (w - 1 - y, x),
                };
                image.Pixels.AsSpan(((sy * w) + sx) * c, c).CopyTo(output.AsSpan(((y * outW) + x) * c, c));
            }
        }

        return image with { Width = outW, Height = outH, Pixels = output, Orientation = 1 };
    }
}
