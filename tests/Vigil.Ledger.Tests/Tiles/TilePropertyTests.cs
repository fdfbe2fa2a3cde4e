using CsCheck;
using Vigil.Ledger.Tiles;

namespace Vigil.Ledger.Tests.Tiles;

public sealed class TilePropertyTests
{
    [Fact]
    public void Any_tile_path_parses_back_to_the_same_tile()
    {
        Gen.Int[-1, 63].SelectMany(level => Gen.Long[0, TileCoordinate.MaxIndex].SelectMany(index => Gen.Int[1, 256].Select(width => (level, index, width))))
            .Sample(t =>
            {
                var tile = t.level < 0 ? TileCoordinate.Entries(t.index, t.width) : TileCoordinate.Hashes(t.level, t.index, t.width);
                return TilePath.Parse(TilePath.Format(tile)) == tile;
            });
    }

    [Fact]
    public void Any_entry_bundle_decodes_to_the_entries_encoded()
    {
        Gen.Byte.Array[0, 600].Array[1, 256]
            .Sample(entries =>
            {
                var bundle = TileCodec.EncodeEntryBundle(entries.Select(e => (ReadOnlyMemory<byte>)e).ToList());
                var decoded = TileCodec.DecodeEntryBundle(bundle, TileCoordinate.Entries(0, entries.Length));
                return decoded.Count == entries.Length && decoded.Zip(entries).All(p => p.First.AsSpan().SequenceEqual(p.Second));
            }, iter: 300);
    }
}
