using System.Buffers.Binary;
using System.IO.Compression;

namespace Vigil.Media.Imaging;

/// <summary>
/// Reads 16-bit-per-sample, non-interlaced PNGs and keeps the low byte of every sample: the
/// reference's decoder receives 16-bit samples and stores each into an 8-bit pixel by plain
/// truncation, and its hashes of such files follow from that. Alpha is dropped.
/// </summary>
internal static class Png16
{
    private static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Returns null unless the data is a 16-bit non-interlaced PNG this reader handles.</summary>
    public static DecodedImage? TryDecode(ReadOnlySpan<byte> png, string name)
    {
        if (png.Length < 33 || !png[..8].SequenceEqual(Signature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4));
        var (depth, colorType, interlace) = (png[24], png[25], png[28]);
        var samples = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
        if (depth != 16 || samples == 0 || interlace != 0 || width <= 0 || height <= 0)
        {
            return null;
        }

        using var compressed = new MemoryStream();
        for (var at = 8; at + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.Slice(at, 4));
            if (length < 0 || at + 12L + length > png.Length)
            {
                throw new ImageDecodeException(name, "the PNG data is truncated");
            }

            var type = png.Slice(at + 4, 4);
            if (type.SequenceEqual("IDAT"u8))
            {
                compressed.Write(png.Slice(at + 8, length));
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                break;
            }

            at += 12 + length;
        }

        var bytesPerPixel = samples * 2;
        var rowBytes = (long)width * bytesPerPixel;
        var raw = new byte[(rowBytes + 1) * height];
        compressed.Position = 0;
        try
        {
            using var inflate = new ZLibStream(compressed, CompressionMode.Decompress);
            inflate.ReadExactly(raw);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new ImageDecodeException(name, "the PNG data is truncated or corrupt", e);
        }

        return Unfilter(raw, width, height, samples, name);
    }

    private static DecodedImage Unfilter(byte[] raw, int width, int height, int samples, string name)
    {
        var bpp = samples * 2;
        var rowBytes = width * bpp;
        var previous = new byte[rowBytes];
        var current = new byte[rowBytes];
        var colour = samples >= 3;
        var rgb = new byte[width * height * 3];
        var grey = true;
        for (var y = 0; y < height; y++)
        {
            var line = raw.AsSpan((y * (rowBytes + 1)) + 1, rowBytes);
            var filter = raw[y * (rowBytes + 1)];
            for (var i = 0; i < rowBytes; i++)
            {
                int a = i >= bpp ? current[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                current[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) >> 1,
                    4 => Paeth(a, b, c),
                    _ => throw new ImageDecodeException(name, $"the PNG row {y} has an unknown filter type {filter}"),
                });
            }

            for (var x = 0; x < width; x++)
            {
                var p = x * bpp;
                var o = ((y * width) + x) * 3;
                var r = BinaryPrimitives.ReadUInt16BigEndian(current.AsSpan(p, 2));
                var g = colour ? BinaryPrimitives.ReadUInt16BigEndian(current.AsSpan(p + 2, 2)) : r;
                var bl = colour ? BinaryPrimitives.ReadUInt16BigEndian(current.AsSpan(p + 4, 2)) : r;
                grey &= r == g && g == bl;
                (rgb[o], rgb[o + 1], rgb[o + 2]) = ((byte)r, (byte)g, (byte)bl);
            }

            (previous, current) = (current, previous);
        }

        var pixels = rgb;
        if (grey)
        {
            pixels = new byte[width * height];
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = rgb[i * 3];
            }
        }

        return new DecodedImage { Width = width, Height = height, Channels = grey ? 1 : 3, Pixels = pixels, Format = "Png" };
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
