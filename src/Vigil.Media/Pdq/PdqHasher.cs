using System.Buffers;

namespace Vigil.Media.Pdq;

/// <summary>
/// PDQ (Meta's perceptual hash, hashing.pdf 2017) from pixels: luminance, two-pass Jarosz box
/// filter, 64x64 decimation, 16x16 DCT, median threshold. Thread-safe; allocates only pooled buffers.
/// </summary>
public static class PdqHasher
{
    /// <summary>Images with a side under this are too small to hash: zero hash, quality 0 (as the reference).</summary>
    public const int MinimumDimension = 5;

    // Luminance weights of the reference, as single-precision floats.
    private const float LumaR = 0.299f;
    private const float LumaG = 0.587f;
    private const float LumaB = 0.114f;

    /// <summary>Hashes packed 8-bit RGB rows (<paramref name="stride"/> bytes apart; 0 means width * 3).</summary>
    public static PdqResult Hash(ReadOnlySpan<byte> rgb, int width, int height, int stride = 0) =>
        HashWith(rgb, width, height, stride, 3, dihedral: null);

    /// <summary>Hashes 8-bit greyscale rows; grey values are the luminance directly, as in the reference.</summary>
    public static PdqResult HashGrey(ReadOnlySpan<byte> grey, int width, int height, int stride = 0) =>
        HashWith(grey, width, height, stride, 1, dihedral: null);

    /// <summary>Hashes a luminance plane (row-major, width * height floats).</summary>
    public static PdqResult HashLuma(ReadOnlySpan<float> luma, int width, int height)
    {
        CheckSize(luma.Length, width, height, width, 1);
        var buffer1 = ArrayPool<float>.Shared.Rent(BufferLength(width, height));
        var buffer2 = ArrayPool<float>.Shared.Rent(BufferLength(width, height));
        try
        {
            luma[..(width * height)].CopyTo(buffer1);
            return FromLuma(buffer1, buffer2, width, height, null);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer1);
            ArrayPool<float>.Shared.Return(buffer2);
        }
    }

    /// <summary>All eight dihedral hashes of packed 8-bit pixels with 1 (grey) or 3 (RGB) channels.</summary>
    public static PdqDihedralResult HashDihedral(ReadOnlySpan<byte> pixels, int width, int height, int channels, int stride = 0)
    {
        var hashes = new PdqHash[8];
        var result = HashWith(pixels, width, height, stride, channels, hashes);
        return new PdqDihedralResult(hashes, result.Quality);
    }

    private static PdqResult HashWith(ReadOnlySpan<byte> pixels, int width, int height, int stride, int channels, PdqHash[]? dihedral)
    {
        if (channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "PDQ hashes 1-channel grey or 3-channel RGB pixels.");
        }

        if (stride == 0)
        {
            stride = width * channels;
        }

        CheckSize(pixels.Length, width, height, stride, channels);
        var buffer1 = ArrayPool<float>.Shared.Rent(BufferLength(width, height));
        var buffer2 = ArrayPool<float>.Shared.Rent(BufferLength(width, height));
        try
        {
            if (channels == 3)
            {
                FillLumaFromRgb(pixels, width, height, stride, buffer1);
            }
            else
            {
                FillLumaFromGrey(pixels, width, height, stride, buffer1);
            }

            return FromLuma(buffer1, buffer2, width, height, dihedral);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer1);
            ArrayPool<float>.Shared.Return(buffer2);
        }
    }

    /// <summary>The image, or 64 sampled columns per row if the image is narrower.</summary>
    private static int BufferLength(int width, int height) => Math.Max(1, Math.Max(width, 64) * height);

    private static void CheckSize(int length, int width, int height, int stride, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        if (stride < width * channels)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, $"Stride must be at least width * {channels}.");
        }

        var needed = height == 0 ? 0L : ((long)stride * (height - 1)) + ((long)width * channels);
        if (length < needed)
        {
            throw new ArgumentException($"Pixel buffer holds {length} bytes; a {width}x{height} image needs {needed}.");
        }
    }

    private static void FillLumaFromRgb(ReadOnlySpan<byte> rgb, int width, int height, int stride, Span<float> luma)
    {
        for (var i = 0; i < height; i++)
        {
            var row = rgb.Slice(i * stride, width * 3);
            var outRow = luma.Slice(i * width, width);
            for (var j = 0; j < width; j++)
            {
                var p = j * 3;
                outRow[j] = (LumaR * row[p]) + (LumaG * row[p + 1]) + (LumaB * row[p + 2]);
            }
        }
    }

    private static void FillLumaFromGrey(ReadOnlySpan<byte> grey, int width, int height, int stride, Span<float> luma)
    {
        for (var i = 0; i < height; i++)
        {
            var row = grey.Slice(i * stride, width);
            var outRow = luma.Slice(i * width, width);
            for (var j = 0; j < width; j++)
            {
                outRow[j] = row[j];
            }
        }
    }

    private static PdqResult FromLuma(Span<float> buffer1, Span<float> buffer2, int width, int height, PdqHash[]? dihedral)
    {
        if (width < MinimumDimension || height < MinimumDimension)
        {
            dihedral?.AsSpan().Clear();
            return new PdqResult(PdqHash.Zero, 0);
        }

        Span<float> block64 = stackalloc float[64 * 64];
        Span<float> temp16x64 = stackalloc float[16 * 64];
        Span<float> dct = stackalloc float[16 * 16];
        // The reference skips the blur for 64x64 input only on its single-hash path.
        if (width == 64 && height == 64 && dihedral is null)
        {
            buffer1[..4096].CopyTo(block64);
        }
        else
        {
            JaroszFilter.FilterAndDecimate(buffer1, buffer2, height, width, block64);
        }

        var quality = PdqDct.Quality(block64);
        PdqDct.Transform(block64, temp16x64, dct);
        var hash = PdqDct.ToHash(dct);
        if (dihedral is not null)
        {
            Span<float> aux = stackalloc float[16 * 16];
            dihedral[0] = hash;
            for (var t = 1; t < 8; t++)
            {
                Dihedral.Apply((DihedralTransform)t, dct, aux);
                dihedral[t] = PdqDct.ToHash(aux);
            }
        }

        return new PdqResult(hash, quality);
    }
}
