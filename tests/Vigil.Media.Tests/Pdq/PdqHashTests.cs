using Vigil.Media.Pdq;

namespace Vigil.Media.Tests.Pdq;

public sealed class PdqHashTests
{
    private const string Bridge = "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";

    [Fact]
    public void Hex_round_trips_in_the_reference_bit_order()
    {
        var hash = PdqHash.Parse(Bridge);
        Assert.Equal(Bridge, hash.ToString());
        Assert.Equal(0x33e6339c4e9c9b22UL, hash.W0);
        Assert.Equal(0xd8f8f0cee0f4a84fUL, hash.W3);
        // The last hex digit holds bits 0..3: 2 = 0b0010.
        Assert.False(hash.GetBit(0));
        Assert.True(hash.GetBit(1));
    }

    [Fact]
    public void Upper_case_hex_parses_to_the_same_hash()
    {
        Assert.Equal(PdqHash.Parse(Bridge), PdqHash.Parse(Bridge.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("", "expected 64 hexadecimal digits, got 0")]
    [InlineData("d8f8", "got 4 characters")]
    [InlineData("d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b2", "got 63")]
    [InlineData("d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b222", "got 65")]
    [InlineData("d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9bzz", "character 63 ('z')")]
    [InlineData("+8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22", "character 1 ('+')")]
    [InlineData(" d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b2", "character 1 (' ')")]
    public void Malformed_hex_is_refused_with_the_reason(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => PdqHash.Parse(text));
        Assert.Contains("Malformed PDQ hash", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.False(PdqHash.TryParse(text, out _));
    }

    [Fact]
    public void Distance_counts_differing_bits()
    {
        var a = PdqHash.Parse(Bridge);
        var b = new PdqHash(a.W0 ^ 0b1011, a.W1, a.W2 ^ (1UL << 63), a.W3);
        Assert.Equal(4, a.DistanceTo(b));
        Assert.Equal(0, a.DistanceTo(a));
        Assert.Equal(256, PdqHash.Zero.DistanceTo(new PdqHash(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue)));
    }

    [Fact]
    public void Reference_output_line_is_hash_quality_path()
    {
        var line = PdqLineFormatter.Format(new PhotoHash("dir/a,b.jpg", PdqHash.Parse(Bridge), 100));
        Assert.Equal($"{Bridge},100,dir/a,b.jpg", line);
        Assert.Equal("dir/a,b.jpg", PdqLineFormatter.Parse(line).Path);
    }

    [Fact]
    public void Too_small_image_gets_the_zero_hash_and_quality_0()
    {
        var result = PdqHasher.Hash(new byte[4 * 40 * 3], 4, 40);
        Assert.Equal(PdqHash.Zero, result.Hash);
        Assert.Equal(0, result.Quality);
    }

    [Fact]
    public void Short_pixel_buffer_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => PdqHasher.Hash(new byte[10], 64, 64));
        Assert.Contains("64x64", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_has_128_bits_set_for_a_textured_image()
    {
        var rgb = new byte[100 * 80 * 3];
        var random = new Random(7);
        random.NextBytes(rgb);
        var result = PdqHasher.Hash(rgb, 100, 80);
        Assert.Equal(128, result.Hash.Norm);
        Assert.Equal(100, result.Quality);
    }
}
