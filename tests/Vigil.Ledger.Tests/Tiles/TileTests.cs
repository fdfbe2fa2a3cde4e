using Vigil.Ledger.Errors;
using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Storage;
using Vigil.Ledger.Tests.Support;
using Vigil.Ledger.Tiles;

namespace Vigil.Ledger.Tests.Tiles;

public sealed class TileTests
{
    [Theory]
    [InlineData(0, 0L, 256, "tile/0/000")]
    [InlineData(0, 1234067L, 256, "tile/0/x001/x234/067")]
    [InlineData(1, 5L, 17, "tile/1/005.p/17")]
    [InlineData(2, 1000L, 1, "tile/2/x001/000.p/1")]
    [InlineData(63, 999L, 256, "tile/63/999")]
    public void Hash_tile_paths_use_3_digit_elements_with_x_prefixes(int level, long index, int width, string path)
    {
        var tile = TileCoordinate.Hashes(level, index, width);
        Assert.Equal(path, TilePath.Format(tile));
        Assert.Equal(tile, TilePath.Parse(path));
    }

    [Theory]
    [InlineData(0L, 256, "tile/entries/000")]
    [InlineData(273L, 112, "tile/entries/273.p/112")]
    [InlineData(1234067L, 256, "tile/entries/x001/x234/067")]
    public void Entry_bundle_paths_round_trip(long index, int width, string path)
    {
        var tile = TileCoordinate.Entries(index, width);
        Assert.Equal(path, TilePath.Format(tile));
        Assert.Equal(tile, TilePath.Parse(path));
        Assert.True(TilePath.Parse(path).IsEntryBundle);
    }

    [Theory]
    [InlineData("tile/00/000", "level '00'")]
    [InlineData("tile/64/000", "level '64'")]
    [InlineData("tile/0/1", "exactly 3 digits")]
    [InlineData("tile/0/001/234", "must be 'x' and 3 digits")]
    [InlineData("tile/0/x000/234", "redundant leading 'x000'")]
    [InlineData("tile/0/000.p/256", "partial width '256'")]
    [InlineData("tile/0/000.p/0", "partial width '0'")]
    [InlineData("tile/0/000.p/017", "partial width '017'")]
    [InlineData("tiles/0/000", "does not start with 'tile/'")]
    [InlineData("tile/entries/", "exactly 3 digits")]
    [InlineData("tile/0/x999/x999/x999/x999/x999/999", "beyond the largest tile index")]
    [InlineData("tile/0/x999/x999/x999/x999/x999/x999/999", "has no valid index")]
    public void Malformed_tile_paths_are_refused_naming_the_bad_part(string path, string expected)
    {
        var error = Assert.Throws<LedgerException>(() => TilePath.Parse(path));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_tile_of_a_70000_entry_log_equals_a_naive_recomputation()
    {
        const int size = 70_000;
        var leaves = TestLogs.LeafHashes(size);
        using var key = TestLogs.LogKey();
        using var log = await TestLogs.WithEntriesAsync(new InMemoryLogStore(), key, size, batch: 997);

        // The example of tlog-tiles: 273 full level-0 tiles and one of width 112, one full level-1 tile and one of
        // width 17, and a level-2 tile of width 1.
        var tiles = TileMath.TilesFor(size).ToList();
        Assert.Equal(274, tiles.Count(t => t.Level == 0));
        Assert.Equal(112, tiles.Single(t => t.Level == 0 && t.IsPartial).Width);
        Assert.Equal([256, 17], tiles.Where(t => t.Level == 1).Select(t => t.Width));
        Assert.Equal(1, tiles.Single(t => t.Level == 2).Width);

        foreach (var tile in tiles)
        {
            var bytes = await log.ReadTileAsync(tile);
            Assert.Equal(NaiveTile(leaves, tile), bytes);
        }
    }

    [Fact]
    public async Task Partial_tiles_are_prefixes_of_the_full_tile_and_missing_tiles_are_refused()
    {
        using var key = TestLogs.LogKey();
        using var log = await TestLogs.WithEntriesAsync(new InMemoryLogStore(), key, 300);
        var full = await log.ReadTileAsync(TileCoordinate.Hashes(0, 0));
        var partial = await log.ReadTileAsync(TileCoordinate.Hashes(0, 0, 10));
        Assert.Equal(full.AsSpan(0, 10 * 32).ToArray(), partial);
        var missing = await Assert.ThrowsAsync<LedgerException>(() => log.ReadTileAsync(TileCoordinate.Hashes(0, 1)));
        Assert.Contains("has no tile tile/0/001", missing.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<LedgerException>(() => log.ReadTileAsync(TileCoordinate.Hashes(1, 0, 2)));
    }

    [Fact]
    public async Task Entry_bundles_are_big_endian_uint16_length_prefixed_entries()
    {
        using var key = TestLogs.LogKey();
        using var log = new TransparencyLog(new InMemoryLogStore(), key);
        byte[] big = new byte[300];
        big[299] = 7;
        await log.AppendAsync(new List<ReadOnlyMemory<byte>> { new byte[] { 0xAA }, Array.Empty<byte>(), big });
        var bundle = await log.ReadTileAsync(TileCoordinate.Entries(0, 3));
        Assert.Equal(new byte[] { 0x00, 0x01, 0xAA, 0x00, 0x00, 0x01, 0x2C }, bundle[..7]);
        Assert.Equal(2 + 1 + 2 + 2 + 300, bundle.Length);
        var entries = TileCodec.DecodeEntryBundle(bundle, TileCoordinate.Entries(0, 3));
        Assert.Equal(big, entries[2]);
    }

    [Fact]
    public void Truncated_entry_bundles_are_refused_naming_the_entry()
    {
        byte[] bundle = [0x00, 0x01, 0xAA, 0x00, 0x05, 0x01];
        var error = Assert.Throws<LedgerException>(() => TileCodec.DecodeEntryBundle(bundle, TileCoordinate.Entries(2, 2)));
        Assert.Equal(513, error.Index);
        Assert.Contains("ends inside entry 513", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_larger_than_a_bundle_can_carry_are_refused_and_nothing_is_stored()
    {
        using var key = TestLogs.LogKey();
        using var log = new TransparencyLog(new InMemoryLogStore(), key);
        var error = await Assert.ThrowsAsync<LedgerException>(() => log.AppendAsync(new List<ReadOnlyMemory<byte>> { new byte[10], new byte[70_000] }));
        Assert.Equal(LedgerFailure.EntryTooLarge, error.Failure);
        Assert.Equal(0, await log.GetSizeAsync());
    }

    private static byte[] NaiveTile(MerkleHash[] leaves, TileCoordinate tile)
    {
        var span = 1 << (8 * tile.Level);
        var hashes = new MerkleHash[tile.Width];
        for (var i = 0; i < tile.Width; i++)
        {
            var start = (int)((tile.StartIndex + i) * span);
            hashes[i] = ReferenceMerkle.Root(leaves.AsSpan(start, span));
        }

        return TileCodec.EncodeHashTile(hashes);
    }
}
