using BenchmarkDotNet.Attributes;
using Vigil.Media.Imaging;
using Vigil.Media.Pdq;

namespace Vigil.Benchmarks.Media;

/// <summary>
/// PDQ on the shared test images (the same files the C++ reference is timed on): decoding and
/// hashing measured apart, single-threaded.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PdqHashBenchmarks
{
    private DecodedImage _image = null!;

    [Params("bridge-mods_aaa-orig.jpg", "reg-test-input_pen-and-coaster.png", "reg-test-input_labelme-subset_q0291.jpg")]
    public string File { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var images = MediaBenchData.ImageFolder();
        _image = ImageDecoder.Decode(Path.Combine(images, File));
    }

    [Benchmark]
    public DecodedImage Decode() => ImageDecoder.Decode(Path.Combine(MediaBenchData.ImageFolder(), File));

    /// <summary>Hash from decoded pixels, including the reference's 512x512 shrink of large images.</summary>
    [Benchmark]
    public PdqResult Hash() => PhotoHasher.Hash(_image);

    [Benchmark]
    public PdqDihedralResult HashDihedral() => PhotoHasher.HashDihedral(_image);
}
