using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Storage;
using Vigil.Ledger.Tiles;

namespace Vigil.Ledger.Log;

/// <summary>
/// The log as its operator runs it: appends entries in batches (computing leaf hashes and completed tile hashes),
/// signs checkpoints, collects witness cosignatures, and answers everything a tlog-tiles server and the JSON proof
/// endpoints serve. One writer at a time; reads run concurrently.
/// </summary>
public sealed class TransparencyLog : IDisposable
{
    private readonly ILogStore _store;
    private readonly NoteSigner _signer;
    private readonly MerkleProofBuilder _proofs;
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>A log over <paramref name="store"/> signing with <paramref name="signer"/> (a 0x01 key whose name is the origin).</summary>
    public TransparencyLog(ILogStore store, NoteSigner signer)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.Verifier.Type != NoteKeyType.Ed25519)
        {
            throw new LedgerException(LedgerFailure.MalformedKey, $"The log key '{signer.Name}' must be an Ed25519 (0x01) key, not a cosigning key.");
        }

        _store = store;
        _signer = signer;
        _proofs = new MerkleProofBuilder(new StoreHashReader(store));
    }

    /// <summary>The checkpoint origin (the signing key's name).</summary>
    public string Origin => _signer.Name;

    /// <summary>The verifier key to publish at <c>/log/key</c>.</summary>
    public NoteVerifier Verifier => _signer.Verifier;

    /// <summary>The number of entries.</summary>
    public ValueTask<long> GetSizeAsync(CancellationToken cancellationToken = default) => _store.GetSizeAsync(cancellationToken);

    /// <summary>The index of the entry with this leaf hash, or null when the log holds no such entry.</summary>
    public ValueTask<long?> FindAsync(MerkleHash leafHash, CancellationToken cancellationToken = default) => _store.FindLeafIndexAsync(leafHash, cancellationToken);

    /// <summary>Appends one entry and returns its index.</summary>
    public Task<long> AppendAsync(ReadOnlyMemory<byte> entry, CancellationToken cancellationToken = default) =>
        AppendAsync([entry], cancellationToken);

    /// <summary>Appends entries atomically, in order, and returns the index of the first.</summary>
    public async Task<long> AppendAsync(IReadOnlyList<ReadOnlyMemory<byte>> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var leafHashes = new MerkleHash[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Length > TileCodec.MaxEntrySize)
            {
                throw new LedgerException(LedgerFailure.EntryTooLarge, $"Entry {i} of the batch is {entries[i].Length} bytes; the limit is {TileCodec.MaxEntrySize}.");
            }

            leafHashes[i] = MerkleHasher.HashLeaf(entries[i].Span);
        }

        await _writer.WaitAsync(cancellationToken);
        try
        {
            var size = await _store.GetSizeAsync(cancellationToken);
            if (entries.Count == 0)
            {
                return size;
            }

            var levels = await StoredLevels.ForAppendAsync(_store, size, leafHashes, cancellationToken);
            await _store.AppendAsync(new LogAppendBatch { StartIndex = size, Entries = entries, Levels = levels }, cancellationToken);
            return size;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Signs a checkpoint for the current size and stores it. When the latest stored checkpoint already has this
    /// size, it is returned as is, keeping the cosignatures collected for it.
    /// </summary>
    public async Task<SignedNote> SignCheckpointAsync(CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var size = await _store.GetSizeAsync(cancellationToken);
            var stored = await _store.GetCheckpointAsync(cancellationToken);
            if (stored is not null)
            {
                var latest = SignedNote.Parse(stored);
                var previous = Checkpoint.Parse(latest.Text);
                if (previous.Size > size || await _proofs.GetRootAsync(previous.Size, cancellationToken) != previous.RootHash)
                {
                    // Never sign a tree that does not extend the last signed one: the store lost or changed entries.
                    throw new LedgerException(LedgerFailure.Fork, $"The stored tree (size {size}) no longer extends the last signed checkpoint (size {previous.Size}); refusing to sign.");
                }

                if (previous.Size == size)
                {
                    return latest;
                }
            }

            var checkpoint = new Checkpoint { Origin = Origin, Size = size, RootHash = await _proofs.GetRootAsync(size, cancellationToken) };
            var text = checkpoint.ToText();
            var note = new SignedNote { Text = text, Signatures = [_signer.Sign(text)] };
            await _store.SaveCheckpointAsync(note.ToString(), cancellationToken);
            return note;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>The latest signed checkpoint with the cosignatures collected for it, or null before the first.</summary>
    public async Task<string?> GetCheckpointAsync(CancellationToken cancellationToken = default) =>
        await _store.GetCheckpointAsync(cancellationToken);

    /// <summary>
    /// Adds the cosignatures of known witnesses from a note to the latest checkpoint. The note's text must be the
    /// latest checkpoint's text; each known witness signature must verify. Returns the merged note.
    /// </summary>
    public async Task<SignedNote> AddCosignaturesAsync(string cosignedNote, IReadOnlyList<NoteVerifier> witnesses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(witnesses);
        var incoming = SignedNote.Parse(cosignedNote);
        var accepted = NoteVerification.Verify(incoming, witnesses);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var stored = await _store.GetCheckpointAsync(cancellationToken)
                ?? throw new LedgerException(LedgerFailure.StaleCheckpoint, "The log has signed no checkpoint yet.");
            var latest = SignedNote.Parse(stored);
            if (latest.Text != incoming.Text)
            {
                throw new LedgerException(LedgerFailure.StaleCheckpoint, "The cosigned checkpoint is not the log's latest checkpoint.");
            }

            foreach (var signature in incoming.Signatures)
            {
                if (accepted.Any(a => a.Verifier.Matches(signature)))
                {
                    latest = latest.WithSignature(signature);
                }
            }

            await _store.SaveCheckpointAsync(latest.ToString(), cancellationToken);
            return latest;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>The root hash of the tree of <paramref name="treeSize"/> leaves.</summary>
    public async Task<MerkleHash> GetRootAsync(long treeSize, CancellationToken cancellationToken = default)
    {
        await CheckSizeAsync(treeSize, cancellationToken);
        return await _proofs.GetRootAsync(treeSize, cancellationToken);
    }

    /// <summary>The inclusion proof of leaf <paramref name="index"/> in the tree of <paramref name="treeSize"/> leaves.</summary>
    public async Task<InclusionProof> GetInclusionProofAsync(long index, long treeSize, CancellationToken cancellationToken = default)
    {
        await CheckSizeAsync(treeSize, cancellationToken);
        if (index < 0 || index >= treeSize)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"Entry {index} is not in a tree of size {treeSize}.", index);
        }

        var leaf = new MerkleHash[1];
        await _store.ReadHashesAsync(0, index, leaf, cancellationToken);
        var hashes = await _proofs.GetInclusionProofAsync(index, treeSize, cancellationToken);
        return new InclusionProof { LeafIndex = index, TreeSize = treeSize, LeafHash = leaf[0], Hashes = hashes };
    }

    /// <summary>The inclusion proof of the first entry with leaf hash <paramref name="leafHash"/> in the tree of <paramref name="treeSize"/> leaves.</summary>
    public async Task<InclusionProof> GetInclusionProofByHashAsync(MerkleHash leafHash, long treeSize, CancellationToken cancellationToken = default)
    {
        var index = await _store.FindLeafIndexAsync(leafHash, cancellationToken);
        if (index is null || index >= treeSize)
        {
            throw new LedgerException(LedgerFailure.UnknownHash, $"No entry with leaf hash {leafHash} is in the tree of size {treeSize}.");
        }

        return await GetInclusionProofAsync(index.Value, treeSize, cancellationToken);
    }

    /// <summary>The consistency proof between two tree sizes.</summary>
    public async Task<ConsistencyProof> GetConsistencyProofAsync(long oldSize, long newSize, CancellationToken cancellationToken = default)
    {
        await CheckSizeAsync(newSize, cancellationToken);
        var hashes = await _proofs.GetConsistencyProofAsync(oldSize, newSize, cancellationToken);
        return new ConsistencyProof { OldSize = oldSize, NewSize = newSize, Hashes = hashes };
    }

    /// <summary>The bytes of a hash tile or entry bundle; throws InvalidArgument when the log does not (yet) hold it.</summary>
    public async Task<byte[]> ReadTileAsync(TileCoordinate tile, CancellationToken cancellationToken = default)
    {
        var size = await _store.GetSizeAsync(cancellationToken);
        var available = tile.IsEntryBundle ? size - tile.StartIndex : TileMath.HashCountAtLevel(size, tile.Level) - tile.StartIndex;
        if (available < tile.Width)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"The log of size {size} has no tile {tile}.");
        }

        if (tile.IsEntryBundle)
        {
            var entries = await _store.ReadEntriesAsync(tile.StartIndex, tile.Width, cancellationToken);
            return TileCodec.EncodeEntryBundle(entries);
        }

        var hashes = new MerkleHash[tile.Width];
        await _store.ReadHashesAsync(LogLayout.StoredLevelOfTileLevel(tile.Level), tile.StartIndex, hashes, cancellationToken);
        return TileCodec.EncodeHashTile(hashes);
    }

    /// <summary>Reads entries by index (for the oversight views and exports).</summary>
    public async Task<IReadOnlyList<ReadOnlyMemory<byte>>> ReadEntriesAsync(long start, int count, CancellationToken cancellationToken = default)
    {
        var size = await _store.GetSizeAsync(cancellationToken);
        if (start < 0 || count < 0 || start + count > size)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"The log of size {size} holds no entries [{start}, {start + count}).", start);
        }

        return await _store.ReadEntriesAsync(start, count, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose() => _writer.Dispose();

    private async Task CheckSizeAsync(long treeSize, CancellationToken cancellationToken)
    {
        var size = await _store.GetSizeAsync(cancellationToken);
        if (treeSize < 0 || treeSize > size)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"Tree size {treeSize} is beyond the log's size {size}.");
        }
    }
}
