using Vigil.Media.Imaging;
using Vigil.Media.Pdq;
using Xunit.Abstractions;

namespace Vigil.Media.Tests.Pdq;

public sealed class ReferenceConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Decoded_pixels_hash_bit_exact_with_equal_quality()
    {
        var failures = new List<string>();
        var expected = ReferenceVectors.Lines("expected-decoded.csv");
        foreach (var e in expected)
        {
            var image = ImageDecoder.Decode(ReferenceVectors.Image("decoded", e.Path));
            var actual = PhotoHasher.Hash(image);
            var distance = actual.Hash.DistanceTo(e.Hash);
            output.WriteLine($"{e.Path}: distance {distance}, quality {actual.Quality} (reference {e.Quality})");
            if (actual.Hash != e.Hash || actual.Quality != e.Quality)
            {
                failures.Add($"{e.Path}: got {actual.Hash},{actual.Quality}; reference {e.Hash},{e.Quality} (distance {distance})");
            }
        }

        Assert.True(expected.Count >= 40, $"only {expected.Count} vectors");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Decoded_pixels_give_the_eight_dihedral_hashes_bit_exact()
    {
        var failures = new List<string>();
        var expected = ReferenceVectors.Dihedral();
        foreach (var (hashes, quality, file) in expected)
        {
            var actual = PhotoHasher.HashDihedral(ImageDecoder.Decode(ReferenceVectors.Image("decoded", file)));
            for (var t = 0; t < 8; t++)
            {
                if (actual.Hashes[t] != hashes[t])
                {
                    failures.Add($"{file} {(DihedralTransform)t}: got {actual.Hashes[t]}, reference {hashes[t]} (distance {actual.Hashes[t].DistanceTo(hashes[t])})");
                }
            }

            if (actual.Quality != quality)
            {
                failures.Add($"{file}: quality {actual.Quality}, reference {quality}");
            }
        }

        output.WriteLine($"{expected.Count} files x 8 transforms, {failures.Count} mismatches");
        Assert.True(expected.Count >= 40, $"only {expected.Count} vectors");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Original_files_are_within_distance_10_of_the_reference_where_quality_is_at_least_80()
    {
        var failures = new List<string>();
        var expected = ReferenceVectors.Lines("expected-original.csv");
        var rawLines = ReferenceVectors.RawLines("expected-original.csv");
        var distances = new List<int>();
        foreach (var (e, raw) in expected.Zip(rawLines))
        {
            var actual = PhotoHasher.HashFile(ReferenceVectors.Image("images", e.Path));
            var distance = actual.Hash.DistanceTo(e.Hash);
            distances.Add(distance);
            if (distance == 0 && actual.Quality == e.Quality)
            {
                // Same values must print as the very same line as the reference's pdq-photo-hasher.
                Assert.Equal(raw, PdqLineFormatter.Format(actual.Hash, actual.Quality, e.Path));
            }

            output.WriteLine($"{e.Path}: distance {distance}, quality {actual.Quality} (reference {e.Quality})");
            if (e.Quality >= 80 && distance > 10)
            {
                failures.Add($"{e.Path}: distance {distance} > 10 (reference quality {e.Quality})");
            }
        }

        output.WriteLine($"{expected.Count} files: {distances.Count(d => d == 0)} exact, max distance {distances.Max()}, mean {distances.Average():F2}");
        Assert.True(expected.Count >= 40, $"only {expected.Count} vectors");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
