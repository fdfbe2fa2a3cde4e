using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;
using Vigil.Media.Imaging;
using Vigil.Media.Pdq;
using Vigil.Media.Tests.Pdq;
using Xunit.Abstractions;

namespace Vigil.Media.Tests.Imaging;

public sealed class ImageDecoderTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string Source = ReferenceVectors.Image("decoded", "bridge-mods_square-256x256.png");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Lossless_formats_give_the_png_hash_exactly()
    {
        var expected = PhotoHasher.HashFile(Source).Hash;
        var bmp = _temp.File("a.bmp");
        Ffmpeg.Run("-i", Source, "-pix_fmt", "bgr24", bmp);
        var webp = _temp.File("a.webp");
        Encode(Source, webp, SKEncodedImageFormat.Webp, 100, lossless: true);
        Assert.Equal("Bmp", ImageDecoder.Decode(bmp).Format);
        Assert.Equal(expected, PhotoHasher.HashFile(bmp).Hash);
        Assert.Equal("Webp", ImageDecoder.Decode(webp).Format);
        Assert.Equal(expected, PhotoHasher.HashFile(webp).Hash);
    }

    [Fact]
    public void Lossy_formats_and_gif_first_frame_stay_within_distance_10()
    {
        var expected = PhotoHasher.HashFile(Source).Hash;
        var jpeg = _temp.File("a.jpg");
        Encode(Source, jpeg, SKEncodedImageFormat.Jpeg, 90, lossless: false);
        var webp = _temp.File("a.webp");
        Encode(Source, webp, SKEncodedImageFormat.Webp, 80, lossless: false);
        var gif = _temp.File("a.gif");
        // Two frames: the source, then its negative; only the first may count.
        Ffmpeg.Run("-i", Source, "-i", Source, "-filter_complex", "[1]negate[n];[0][n]concat=n=2:v=1", "-r", "2", gif);
        foreach (var file in new[] { jpeg, webp, gif })
        {
            var distance = PhotoHasher.HashFile(file).Hash.DistanceTo(expected);
            output.WriteLine($"{System.IO.Path.GetExtension(file)}: distance {distance}");
            Assert.True(distance <= 10, $"{file}: distance {distance}");
        }
    }

    [Fact]
    public void Grey_image_is_decoded_to_one_channel_and_hashed_from_grey_values()
    {
        var grey = ImageDecoder.Decode(ReferenceVectors.Image("images", "misc-images_modes_L.png"));
        Assert.Equal(1, grey.Channels);
        Assert.Equal(grey.Width * grey.Height, grey.Pixels.Length);
        var colour = ImageDecoder.Decode(Source);
        Assert.Equal(3, colour.Channels);
    }

    [Fact]
    public void Wrong_extension_is_decoded_by_content()
    {
        var misnamed = _temp.File("photo.jpg");
        File.Copy(Source, misnamed);
        var image = ImageDecoder.Decode(misnamed);
        Assert.Equal("Png", image.Format);
        Assert.Equal(PhotoHasher.HashFile(Source).Hash, PhotoHasher.HashFile(misnamed).Hash);
    }

    [Fact]
    public void Zero_byte_file_is_refused_naming_the_file()
    {
        var empty = _temp.File("empty.png");
        File.WriteAllBytes(empty, []);
        var e = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(empty));
        Assert.Equal(empty, e.ImageSource);
        Assert.Contains(empty, e.Message, StringComparison.Ordinal);
        Assert.Contains("empty", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("images", "bridge-mods_aaa-orig.jpg")]
    [InlineData("decoded", "bridge-mods_square-256x256.png")]
    public void Truncated_file_is_refused_as_truncated(string folder, string file)
    {
        var bytes = File.ReadAllBytes(ReferenceVectors.Image(folder, file));
        var cut = _temp.File("cut-" + file);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(cut));
        Assert.Contains(cut, e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_and_non_image_files_are_refused_with_the_reason()
    {
        var text = _temp.File("notes.png");
        File.WriteAllText(text, "this is not an image at all");
        var e = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(text));
        Assert.Contains("not a supported image format", e.Reason, StringComparison.Ordinal);

        var bytes = File.ReadAllBytes(Source);
        for (var i = 100; i < bytes.Length - 20; i += 7)
        {
            bytes[i] ^= 0x5A;
        }

        var corrupt = _temp.File("corrupt.png");
        File.WriteAllBytes(corrupt, bytes);
        var c = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(corrupt));
        Assert.Contains(corrupt, c.Message, StringComparison.Ordinal);
        output.WriteLine(c.Message);
    }

    [Fact]
    public void Decompression_bomb_is_refused_from_its_header()
    {
        var bomb = _temp.File("bomb.png");
        File.WriteAllBytes(bomb, PngHeaderOnly(30000, 30000));
        var e = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(bomb));
        Assert.Contains("30000x30000", e.Reason, StringComparison.Ordinal);
        Assert.Contains("refused before decoding", e.Reason, StringComparison.Ordinal);

        var small = new ImageDecodeOptions { MaxPixels = 1000 };
        var tooBig = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(Source, small));
        Assert.Contains("256x256", tooBig.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Exif_orientation_is_ignored_by_default_as_in_the_reference_and_applied_on_request()
    {
        var closest = new Dictionary<int, DihedralTransform>();
        foreach (var orientation in new[] { 3, 6, 8 })
        {
            var file = ReferenceVectors.Image("images", $"reg-test-input_exif-rotn_exif-rotn-{orientation}.jpg");
            var stored = ImageDecoder.Decode(file);
            var upright = ImageDecoder.Decode(file, new ImageDecodeOptions { ApplyExifOrientation = true });
            Assert.Equal(orientation, stored.Orientation);
            Assert.Equal(orientation == 3 ? stored.Width : stored.Height, upright.Width);

            // Turning the pixels must give a match (the 512x512 nearest-neighbour squash does not commute exactly) for the hash of the matching dihedral variant of the stored pixels.
            var variants = PhotoHasher.HashDihedral(stored).Hashes;
            var uprightHash = PhotoHasher.Hash(upright).Hash;
            var best = Enumerable.Range(0, 8).MinBy(t => variants[t].DistanceTo(uprightHash));
            var distance = variants[best].DistanceTo(uprightHash);
            output.WriteLine($"orientation {orientation}: closest variant {(DihedralTransform)best} at {distance}; original at {variants[0].DistanceTo(uprightHash)}");
            Assert.True(distance <= Vigil.Media.Index.IHashIndex.DefaultMaxDistance, $"orientation {orientation}: distance {distance}");
            Assert.True(variants[0].DistanceTo(uprightHash) > 31);
            closest[orientation] = (DihedralTransform)best;
        }

        Assert.Equal(DihedralTransform.Rotate180, closest[3]);
        Assert.NotEqual(closest[6], closest[8]);
    }

    private static void Encode(string source, string target, SKEncodedImageFormat format, int quality, bool lossless)
    {
        using var bitmap = SKBitmap.Decode(source);
        using var pixmap = bitmap.PeekPixels();
        using var data = format == SKEncodedImageFormat.Webp
            ? pixmap.Encode(new SKWebpEncoderOptions(lossless ? SKWebpEncoderCompression.Lossless : SKWebpEncoderCompression.Lossy, quality))
            : pixmap.Encode(format, quality);
        File.WriteAllBytes(target, (data ?? throw new InvalidOperationException($"Skia cannot encode {format}")).ToArray());
    }

    private static byte[] PngHeaderOnly(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        Chunk(png, "IHDR"u8, ihdr);
        using var z = new MemoryStream();
        using (var deflate = new ZLibStream(z, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(new byte[1024]);
        }

        Chunk(png, "IDAT"u8, z.ToArray());
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void Chunk(Stream s, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        s.Write(length);
        s.Write(type);
        s.Write(data);
        var crc = Crc32([.. type, .. data]);
        BinaryPrimitives.WriteUInt32BigEndian(length, crc);
        s.Write(length);
    }
}
