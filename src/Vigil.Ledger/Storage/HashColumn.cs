using Vigil.Ledger.Merkle;

namespace Vigil.Ledger.Storage;

/// <summary>A growable array of hashes that is not limited to 2^31 bytes: chunks of 1 Mi hashes.</summary>
internal sealed class HashColumn
{
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<MerkleHash[]> _chunks = [];

    public long Count { get; private set; }

    public void Append(ReadOnlySpan<MerkleHash> hashes)
    {
        foreach (var hash in hashes)
        {
            var chunk = (int)(Count >> ChunkBits);
            if (chunk == _chunks.Count)
            {
                _chunks.Add(new MerkleHash[ChunkSize]);
            }

            _chunks[chunk][Count & (ChunkSize - 1)] = hash;
            Count++;
        }
    }

    public void Set(long index, MerkleHash hash) => _chunks[(int)(index >> ChunkBits)][index & (ChunkSize - 1)] = hash;

    public void CopyTo(long start, Span<MerkleHash> destination)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var position = start + done;
            var chunk = _chunks[(int)(position >> ChunkBits)];
            var offset = (int)(position & (ChunkSize - 1));
            var n = Math.Min(destination.Length - done, ChunkSize - offset);
            chunk.AsSpan(offset, n).CopyTo(destination[done..]);
            done += n;
        }
    }

    public long? IndexOf(MerkleHash hash)
    {
        for (var c = 0; c < _chunks.Count; c++)
        {
            var limit = (int)Math.Min(ChunkSize, Count - ((long)c << ChunkBits));
            var i = Array.IndexOf(_chunks[c], hash, 0, limit);
            if (i >= 0)
            {
                return ((long)c << ChunkBits) + i;
            }
        }

        return null;
    }
}
