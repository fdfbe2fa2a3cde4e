using System.Runtime.InteropServices;
using SkiaSharp;

namespace Vigil.Media.Imaging;

/// <summary>
/// Decodes JPEG, PNG, WebP, GIF (first frame) and BMP through SkiaSharp, detecting the format from
/// the content. The pixel limit is checked against the header before any pixel is decoded.
/// </summary>
public static class ImageDecoder
{
    public static DecodedImage Decode(string path, ImageDecodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ImageDecodeOptions.Default;
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageDecodeException(path, "cannot be opened: " + e.Message, e);
        }

        using (file)
        {
            if (file.Length == 0)
            {
                throw new ImageDecodeException(path, "the file is empty (0 bytes)");
            }

            if (file.Length > options.MaxEncodedBytes)
            {
                throw new ImageDecodeException(path, $"the file has {file.Length} bytes, above the limit of {options.MaxEncodedBytes}");
            }

            var bytes = new byte[file.Length];
            file.ReadExactly(bytes);
            return Decode(bytes, path, options);
        }
    }

    public static DecodedImage Decode(Stream stream, string name, ImageDecodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ImageDecodeOptions.Default;
        using var copy = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > options.MaxEncodedBytes)
            {
                throw new ImageDecodeException(name, $"the input is larger than the limit of {options.MaxEncodedBytes} bytes");
            }

            copy.Write(buffer, 0, read);
        }

        return Decode(copy.GetBuffer().AsSpan(0, (int)copy.Length), name, options);
    }

    public static DecodedImage Decode(ReadOnlySpan<byte> encoded, string name, ImageDecodeOptions? options = null)
    {
        options ??= ImageDecodeOptions.Default;
        if (encoded.IsEmpty)
        {
            throw new ImageDecodeException(name, "the input is empty (0 bytes)");
        }

        using var data = SKData.CreateCopy(encoded);
        // The codec takes ownership of the stream and disposes it with itself.
        using var codec = SKCodec.Create(new SKMemoryStream(data), out var createResult);
        if (codec is null)
        {
            throw new ImageDecodeException(name, createResult switch
            {
                SKCodecResult.IncompleteInput => "the image is truncated or corrupt (its header cannot be read)",
                SKCodecResult.Unimplemented => "not a supported image format (JPEG, PNG, WebP, GIF, BMP)",
                _ => $"not a decodable image ({createResult})",
            });
        }

        var info = codec.Info;
        var pixels = (long)info.Width * info.Height;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new ImageDecodeException(name, $"the header declares an empty {info.Width}x{info.Height} image");
        }

        if (pixels > options.MaxPixels)
        {
            throw new ImageDecodeException(
                name,
                $"the header declares {info.Width}x{info.Height} = {pixels} pixels, above the limit of {options.MaxPixels} (refused before decoding)");
        }

        if (codec.EncodedFormat == SKEncodedImageFormat.Png && Png16.TryDecode(encoded, name) is { } deep)
        {
            return deep;
        }

        var rgba = new byte[pixels * 4];
        var target = new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        SKCodecResult result;
        var handle = GCHandle.Alloc(rgba, GCHandleType.Pinned);
        try
        {
            result = codec.GetPixels(target, handle.AddrOfPinnedObject());
        }
        finally
        {
            handle.Free();
        }

        if (result != SKCodecResult.Success)
        {
            throw new ImageDecodeException(name, result switch
            {
                SKCodecResult.IncompleteInput => "the image data is truncated",
                SKCodecResult.ErrorInInput => "the image data is corrupt",
                _ => $"the pixels could not be decoded ({result})",
            });
        }

        var orientation = (int)codec.EncodedOrigin;
        var image = ToImage(rgba, info.Width, info.Height, codec.EncodedFormat.ToString(), orientation is >= 1 and <= 8 ? orientation : 1);
        return options.ApplyExifOrientation ? Orientation.Apply(image) : image;
    }

    private static DecodedImage ToImage(byte[] rgba, int width, int height, string format, int orientation)
    {
        var pixelCount = width * height;
        var grey = true;
        for (var p = 0; p < rgba.Length; p += 4)
        {
            if (rgba[p] != rgba[p + 1] || rgba[p + 1] != rgba[p + 2])
            {
                grey = false;
                break;
            }
        }

        var channels = grey ? 1 : 3;
        var output = new byte[pixelCount * channels];
        if (grey)
        {
            for (var i = 0; i < pixelCount; i++)
            {
                output[i] = rgba[i * 4];
            }
        }
        else
        {
            for (var i = 0; i < pixelCount; i++)
            {
                output[i * 3] = rgba[i * 4];
                output[(i * 3) + 1] = rgba[(i * 4) + 1];
                output[(i * 3) + 2] = rgba[(i * 4) + 2];
            }
        }

        return new DecodedImage
        {
            Width = width,
            Height = height,
            Channels = channels,
            Pixels = output,
            Format = format,
            Orientation = orientation,
        };
    }
}
